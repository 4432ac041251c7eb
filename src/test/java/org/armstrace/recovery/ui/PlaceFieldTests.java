package org.armstrace.recovery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.base.ui.MapView;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.Place;
import org.junit.jupiter.api.Test;

/** Plain JUnit: where a recovery was, from the device, the map or only the municipality. */
class PlaceFieldTests {

    private static final Municipalities.Municipality PRISHTINA = new Municipalities.Municipality("prishtina",
            "Prishtinë", "Priština", "Pristina", 42.6629, 21.1655);
    private static final Municipalities.Municipality PEJA = new Municipalities.Municipality("peja", "Pejë", "Peć",
            "Peja", 42.6593, 20.2887);

    private final List<String> changes = new ArrayList<>();
    private final List<String> locates = new ArrayList<>();
    private final DraftBinder binder = new DraftBinder(() -> changes.add("changed"));
    private final PlaceField field = new PlaceField(List.of(PRISHTINA, PEJA), new MapView.Basemap(List.of(), null), binder,
            () -> locates.add("locate"));

    /** The officer picks a municipality in the browser (a value set by the server does not move the position). */
    private void choose(Municipalities.Municipality m) {
        ComboBox<Municipalities.Municipality> box = field.municipality;
        var old = box.getValue();
        box.setValue(m);
        ComponentUtil.fireEvent(box, new AbstractField.ComponentValueChangeEvent<>(box, box, old, true));
    }

    @Test
    void a_point_picked_on_the_map_is_the_position_and_a_change_of_the_draft() {
        ComponentUtil.fireEvent(field.map, new MapView.PickEvent(field.map, true, 42.6629, 21.1655));

        assertThat(field.place()).isEqualTo(new Place(42.6629, 21.1655, null, Place.Method.MAP, null));
        assertThat(binder.fields()).containsEntry("lat", "42.6629").containsEntry("lon", "21.1655")
                .containsEntry("accuracy", "").containsEntry("method", "MAP");
        assertThat(field.position.getText()).startsWith("42.66290, 21.16550");
        assertThat(changes).hasSize(1);
    }

    @Test
    void with_only_the_municipality_known_its_centre_stands_in_but_never_moves_a_real_position() {
        assertThat(field.place()).as("nothing given yet").isNull();

        choose(PEJA);
        assertThat(field.place()).isEqualTo(new Place(42.6593, 20.2887, null, Place.Method.MUNICIPALITY, "peja"));

        field.setPosition(42.6629, 21.1655, 7.6, Place.Method.DEVICE);
        choose(PRISHTINA);
        assertThat(field.place()).isEqualTo(new Place(42.6629, 21.1655, 8.0, Place.Method.DEVICE, "prishtina"));
        assertThat(field.position.getText()).startsWith("42.66290, 21.16550 ±8 m");
    }

    @Test
    void a_municipality_chosen_without_a_position_is_its_centre_even_when_the_draft_lost_the_position() {
        field.municipality.setValue(PRISHTINA);
        assertThat(field.place()).as("set by the server: no position was written")
                .isEqualTo(new Place(42.6629, 21.1655, null, Place.Method.MUNICIPALITY, "prishtina"));

        field.lat.setValue("not a number");
        field.lon.setValue("21.1");
        assertThat(field.place().method()).isEqualTo(Place.Method.MUNICIPALITY);
    }

    @Test
    void a_position_of_unknown_method_counts_as_picked_on_the_map_and_the_same_municipality_is_not_set_twice() {
        field.lat.setValue("42.5");
        field.lon.setValue("21.0");
        field.method.setValue("SATELLITE");
        assertThat(field.place()).isEqualTo(new Place(42.5, 21.0, null, Place.Method.MAP, null));

        field.setMunicipality(PEJA);
        int before = changes.size();
        field.setMunicipality(PEJA);
        field.setMunicipality(null);
        assertThat(changes).hasSize(before);
        assertThat(field.municipality.getValue()).isEqualTo(PEJA);
    }

    @Test
    void use_my_location_is_left_to_the_view_and_the_fields_carry_their_ids() {
        field.locate.click();
        assertThat(locates).containsExactly("locate");
        assertThat(field.locate.getId()).hasValue("recovery-locate");
        assertThat(field.map.getId()).hasValue("recovery-map");
        assertThat(field.municipality.getElement().getAttribute("data-draft")).isEqualTo("municipality");
    }
}
