package org.armstrace.recovery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the recovery form's fields become the draft's id → text map, and come back from it. */
class DraftBinderTests {

    /** A few fields of each sort, bound the way the form binds them. */
    private static final class Fields {
        final List<String> changes = new ArrayList<>();
        final DraftBinder binder = new DraftBinder(() -> changes.add("changed"));
        final TextField circumstances = new TextField();
        final Input lat = DraftBinder.hidden();
        TextField serial;
        Checkbox obliterated;
        Input markings;
        final List<String> restoredHidden = new ArrayList<>();

        Fields() {
            binder.bind("circumstances", circumstances, circumstances::getValue, circumstances::setValue);
            binder.bindHidden("lat", lat, restoredHidden::add);
            weapon();
        }

        /** The fields of weapon card 0, which a restore builds anew. */
        void weapon() {
            serial = new TextField();
            obliterated = new Checkbox();
            markings = DraftBinder.hidden();
            binder.bind("w0.serial", serial, serial::getValue, serial::setValue);
            binder.bind("w0.obliterated", obliterated, () -> obliterated.getValue() ? "true" : "",
                    t -> obliterated.setValue("true".equals(t)));
            binder.bindHidden("w0.markings", markings, t -> { });
        }
    }

    @Test
    void what_is_typed_becomes_the_draft_and_the_draft_fills_a_fresh_form_without_reporting_a_change() {
        var typed = new Fields();
        typed.circumstances.setValue("Under the seat");
        typed.lat.setValue("42.6629");
        typed.serial.setValue("12?45");
        typed.obliterated.setValue(true);
        Map<String, String> draft = typed.binder.fields();
        assertThat(draft).containsExactly(Map.entry("circumstances", "Under the seat"), Map.entry("lat", "42.6629"),
                Map.entry("w0.serial", "12?45"), Map.entry("w0.obliterated", "true"), Map.entry("w0.markings", ""));
        assertThat(typed.changes).as("one change per edited field; a hidden field is filled by the form").hasSize(3);

        var fresh = new Fields();
        fresh.binder.restore(draft, () -> {
            fresh.binder.unbind('w');
            fresh.weapon();
        });

        assertThat(fresh.binder.fields()).isEqualTo(draft);
        assertThat(fresh.circumstances.getValue()).isEqualTo("Under the seat");
        assertThat(fresh.obliterated.getValue()).isTrue();
        assertThat(fresh.restoredHidden).containsExactly("42.6629");
        assertThat(fresh.changes).isEmpty();
        fresh.serial.setValue("12?46");
        assertThat(fresh.changes).as("after the restore, edits count again").hasSize(1);
    }

    @Test
    void every_bound_field_carries_its_draft_id_for_the_browsers_copy() {
        var f = new Fields();
        assertThat(f.serial.getElement().getAttribute("data-draft")).isEqualTo("w0.serial");
        assertThat(f.lat.getElement().getAttribute("data-draft")).isEqualTo("lat");
        assertThat(f.lat.getElement().getAttribute("type")).isEqualTo("hidden");
    }

    @Test
    void a_missing_field_is_left_as_it_is_the_position_is_cleared_and_counts_are_not_restored_into() {
        var f = new Fields();
        f.circumstances.setValue("kept");
        f.lat.setValue("41.0");
        f.markings.setValue("2");

        f.binder.restore(Map.of("w0.serial", "AB-1", "w0.markings", "7"), () -> { });

        assertThat(f.circumstances.getValue()).isEqualTo("kept");
        assertThat(f.lat.getValue()).as("a draft without a position has none").isEmpty();
        assertThat(f.markings.getValue()).as("the form makes the rows the count says").isEqualTo("2");
        assertThat(f.serial.getValue()).isEqualTo("AB-1");
    }

    @Test
    void a_section_of_cards_or_rows_is_forgotten_as_a_whole() {
        var f = new Fields();
        f.binder.unbind('w');
        assertThat(f.binder.fields()).containsOnlyKeys("circumstances", "lat");
    }

    @Test
    void counts_and_dates_from_a_damaged_draft_fall_back_rather_than_fail() {
        assertThat(DraftBinder.count(" 3 ", 1, 1, 20)).isEqualTo(3);
        assertThat(DraftBinder.count("999", 1, 1, 20)).isEqualTo(20);
        assertThat(DraftBinder.count("two", 1, 1, 20)).isEqualTo(1);
        assertThat(DraftBinder.count(null, 0, 0, 20)).isZero();
        assertThat(DraftBinder.dateTime("2024-05-01T10:15")).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15));
        assertThat(DraftBinder.dateTime("yesterday")).isNull();
        assertThat(DraftBinder.date("2024-02-30")).isNull();
        assertThat(DraftBinder.decimal("42,66")).isNull();
        assertThat(DraftBinder.blankToNull("  M70 ")).isEqualTo("M70");
        assertThat(DraftBinder.blankToNull(" ")).isNull();
    }
}
