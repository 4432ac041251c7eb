package org.armstrace.recovery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.armstrace.base.ui.MapView;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.Place;

/**
 * Where the recovery was: the device's position, a point picked on the map, or only the
 * municipality. The position lives in hidden fields, so that {@code armstrace-draft.js} can write
 * the device's position into the browser's copy of the draft even while offline.
 */
final class PlaceField extends VerticalLayout {

    final Input lat = DraftBinder.hidden();
    final Input lon = DraftBinder.hidden();
    final Input accuracy = DraftBinder.hidden();
    final Input method = DraftBinder.hidden();
    final ComboBox<Municipalities.Municipality> municipality = new ComboBox<>();
    final Span position = new Span();
    final MapView map = new MapView();
    final Button locate = new Button();
    private final List<Municipalities.Municipality> municipalities;
    private final DraftBinder binder;

    /** {@code onLocate} runs on "use my location": asking the browser is the view's business. */
    PlaceField(List<Municipalities.Municipality> municipalities, MapView.Basemap basemap, DraftBinder binder,
               Runnable onLocate) {
        this.municipalities = municipalities;
        this.binder = binder;
        // The form redraws the position once a draft is restored, all four fields at once.
        binder.bindHidden("lat", lat, text -> { });
        binder.bindHidden("lon", lon, text -> { });
        binder.bindHidden("accuracy", accuracy, text -> { });
        binder.bindHidden("method", method, text -> { });
        locate.setText(getTranslation("recovery.locate"));
        locate.setIcon(VaadinIcon.CROSSHAIRS.create());
        locate.setId("recovery-locate");
        locate.addClickListener(e -> onLocate.run());
        position.setId("recovery-position");
        position.addClassName("position-text");
        municipalityBox();
        map.setId("recovery-map");
        map.setBasemap(basemap);
        map.setPicking(true);
        map.setHeight("260px");
        map.addPickListener(e -> setPosition(e.lat(), e.lon(), null, Place.Method.MAP));

        setPadding(false);
        municipality.setWidthFull();
        add(new HorizontalLayout(locate, position), municipality, map, lat, lon, accuracy, method);
    }

    private void municipalityBox() {
        municipality.setLabel(getTranslation("recovery.municipality"));
        municipality.setId("recovery-municipality");
        municipality.setItems((m, typed) -> m.name(getLocale()).toLowerCase(getLocale())
                .contains(typed.toLowerCase(getLocale())) || m.code().contains(typed.toLowerCase(Locale.ROOT)),
                municipalities);
        municipality.setItemLabelGenerator(m -> m.name(getLocale()));
        municipality.setClearButtonVisible(true);
        municipality.setVisible(!municipalities.isEmpty());
        binder.bind("municipality", municipality, () -> municipality.getValue() == null ? "" : municipality.getValue().code(),
                text -> municipality.setValue(municipalities.stream().filter(m -> m.code().equals(text)
                        || m.name(getLocale()).equals(text)).findFirst().orElse(null)));
        municipality.addValueChangeListener(e -> {
            // Only the municipality known: its centre stands in, unless a real position is there.
            if (e.isFromClient() && e.getValue() != null && !"DEVICE".equals(method.getValue())
                    && !"MAP".equals(method.getValue())) {
                setPosition(e.getValue().centreLatitude(), e.getValue().centreLongitude(), null, Place.Method.MUNICIPALITY);
            }
        });
    }

    /** Sets the position and how it was found; a change of the draft. */
    void setPosition(double latitude, double longitude, Double accuracyMetres, Place.Method how) {
        lat.setValue(String.valueOf(latitude));
        lon.setValue(String.valueOf(longitude));
        accuracy.setValue(accuracyMetres == null ? "" : String.valueOf(Math.round(accuracyMetres)));
        method.setValue(how.name());
        showPosition("");
        binder.changed();
    }

    /** Selects the municipality the position lies in, unless it is the one already chosen. */
    void setMunicipality(Municipalities.Municipality m) {
        if (m != null && !m.equals(municipality.getValue())) {
            municipality.setValue(m);
        }
    }

    /** The position as text and on the map, with {@code problem} (such as a failed locate) after it. */
    void showPosition(String problem) {
        Double la = DraftBinder.decimal(lat.getValue());
        Double lo = DraftBinder.decimal(lon.getValue());
        map.setMarker(la, lo);
        if (la == null || lo == null) {
            position.setText(problem.isEmpty() ? getTranslation("recovery.no-position") : problem);
            return;
        }
        String how = method.getValue().isEmpty() ? "" : getTranslation("recovery.method." + method.getValue());
        String acc = accuracy.getValue().isEmpty() ? "" : " ±" + accuracy.getValue() + " m";
        position.setText(String.format(Locale.ROOT, "%.5f, %.5f", la, lo) + acc + " · " + how
                + (problem.isEmpty() ? "" : " · " + problem));
    }

    /**
     * The place as given: the position (a position of unknown method counts as picked on the map)
     * in its municipality, else the municipality's centre, else none.
     */
    Place place() {
        Double la = DraftBinder.decimal(lat.getValue());
        Double lo = DraftBinder.decimal(lon.getValue());
        Municipalities.Municipality m = municipality.getValue();
        if (la != null && lo != null) {
            Place.Method how = Arrays.stream(Place.Method.values())
                    .filter(x -> x.name().equals(method.getValue())).findFirst().orElse(Place.Method.MAP);
            return new Place(la, lo, DraftBinder.decimal(accuracy.getValue()), how, m == null ? null : m.code());
        }
        if (m != null) {
            return new Place(m.centreLatitude(), m.centreLongitude(), null, Place.Method.MUNICIPALITY, m.code());
        }
        return null;
    }
}
