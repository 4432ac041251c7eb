package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.function.BiFunction;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.Licence;
import org.armstrace.registry.MarkingCorrections;
import org.armstrace.registry.RecordCorrections;
import org.armstrace.registry.RecordVersion;
import org.armstrace.registry.RegistryDesk;

/**
 * The parts of the record pages that show the history of organisations, licences, transfers and
 * markings and, for the desk ({@link RegistryDesk#allowed()}), the buttons that correct them.
 */
final class CorrectionParts {

    private CorrectionParts() {
    }

    /** The organisation's correct button. */
    static Button correctOrganisation(Component page, RecordCorrections corrections, DeskChoices choices,
                                      Holdings.OrganisationRecord o, Runnable done) {
        return DeskActions.button("organisation-correct", page.getTranslation("desk.correct"), () ->
                DeskActions.open(page, "desk.correct-organisation",
                        new CorrectionForms.OrganisationCorrection(choices, o.name(), o.country()),
                        v -> corrections.correctOrganisation(o.id(), v.value().name(), v.value().country(), v.reason()),
                        done));
    }

    /**
     * Each licence with its status, its history as sentences ("Licence L-1: changed number from …")
     * and, for the desk, buttons to correct and to end it.
     */
    static Component licences(Component page, String id, RecordCorrections corrections, List<Licence> licences,
                              Runnable done) {
        var box = new Div();
        box.setId(id);
        boolean desk = RegistryDesk.allowed();
        var histories = corrections.licenceHistories(licences.stream().map(Licence::id).toList());
        for (Licence l : licences) {
            var line = new HorizontalLayout();
            line.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
            String status = page.getTranslation("licence.status." + l.status().name())
                    + (l.endedOn() == null ? "" : " " + Dates.date(l.endedOn(), UiLocale.current()));
            line.add(new Span(page.getTranslation("licence.line", l.number(), status)));
            if (desk) {
                line.add(DeskActions.button("licence-correct-" + l.id(), page.getTranslation("desk.correct"), () ->
                        DeskActions.open(page, "desk.correct-licence", new CorrectionForms.LicenceCorrection(l),
                                v -> corrections.correctLicence(l.id(), v.value(), v.reason()), done)));
                if (l.status() == Licence.Status.ACTIVE) {
                    line.add(DeskActions.button("licence-end-" + l.id(), page.getTranslation("desk.end-licence"), () ->
                            DeskActions.open(page, "desk.end-licence", new CorrectionForms.LicenceEnd(),
                                    v -> corrections.endLicence(l.id(), v.value().status(), v.value().on(), v.reason()),
                                    done)));
                }
            }
            box.add(line);
            List<RecordVersion> versions = histories.getOrDefault(l.id(), List.of());
            if (!versions.isEmpty()) {
                box.add(sentences(page, page.getTranslation("licence.history-of", l.number()), versions,
                        (field, value) -> licenceValue(page, field, value)));
            }
        }
        return box;
    }

    /** The weapon's transfers with their history and, for the desk, a correct button each. */
    static Component transfers(Component page, RecordCorrections corrections, String firearmId, Runnable done) {
        var box = new Div();
        box.setId("firearm-transfer-history");
        boolean desk = RegistryDesk.allowed();
        for (RecordCorrections.TransferHistory t : corrections.transferHistories(firearmId)) {
            String label = page.getTranslation("transfer.kind." + t.kind().name()) + " "
                    + Dates.date(t.date(), UiLocale.current()) + (t.reference() == null ? "" : " · " + t.reference());
            var line = new HorizontalLayout(new Span(label));
            if (desk) {
                line.add(DeskActions.button("transfer-correct-" + t.id(), page.getTranslation("desk.correct"), () ->
                        DeskActions.open(page, "desk.correct-transfer", new CorrectionForms.TransferCorrection(t),
                                v -> corrections.correctTransfer(t.id(), v.value(), v.reason()), done)));
            }
            box.add(line);
            if (!t.versions().isEmpty()) {
                box.add(sentences(page, page.getTranslation("transfer.history-of", label), t.versions(),
                        (field, value) -> field.equals("kind") ? page.getTranslation("transfer.kind." + value) : value));
            }
        }
        if (box.getChildren().findAny().isEmpty()) {
            box.add(new Paragraph(page.getTranslation("firearm.no-transfers")));
        }
        return box;
    }

    /** The weapon's markings; for the desk, each with correct and retire buttons, and an add button. */
    static Component markings(Component page, MarkingCorrections markings, Firearm f, Runnable done) {
        var box = new Div();
        box.setId("firearm-markings");
        boolean desk = RegistryDesk.allowed();
        var list = new UnorderedList();
        int i = 0;
        for (Firearm.Marking m : f.markings()) {
            var item = new ListItem(new Span(page.getTranslation("marking.kind." + m.kind()) + ": " + m.text()
                    + (m.position() == null ? "" : " (" + m.position() + ")")));
            if (desk) {
                int n = i;
                item.add(DeskActions.button("marking-correct-" + n, page.getTranslation("desk.correct"), () ->
                                DeskActions.open(page, "desk.correct-marking", new CorrectionForms.MarkingCorrection(m),
                                        v -> markings.correct(f.id(), m, v.value(), v.reason()), done)),
                        DeskActions.button("marking-retire-" + n, page.getTranslation("desk.retire-marking"), () ->
                                DeskActions.open(page, "desk.retire-marking", new CorrectionForms.MarkingRetirement(),
                                        reason -> markings.retire(f.id(), m, reason), done)));
            }
            list.add(item);
            i++;
        }
        box.add(f.markings().isEmpty() ? new Paragraph(page.getTranslation("firearm.no-markings")) : list);
        if (desk) {
            box.add(DeskActions.button("marking-add", page.getTranslation("desk.add-marking"), () ->
                    DeskActions.open(page, "desk.add-marking", new CorrectionForms.MarkingCorrection(null),
                            v -> markings.add(f.id(), v.value(), v.reason()), done)));
        }
        return box;
    }

    /** A marking as stored in a version ("IMPORT XK-24 (frame)") with its kind named. */
    static String markingValue(Component page, String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            return value;
        }
        String kind = value.substring(0, space);
        try {
            org.armstrace.registry.NewFirearm.MarkingKind.valueOf(kind);
            return page.getTranslation("marking.kind." + kind) + " " + value.substring(space + 1);
        } catch (IllegalArgumentException notAKind) {
            return value;
        }
    }

    private static String licenceValue(Component page, String field, String value) {
        return switch (field) {
            case "kind" -> page.getTranslation("licence.kind." + value);
            case "status" -> page.getTranslation("licence.status." + value);
            default -> value;
        };
    }

    private static Component sentences(Component page, String title, List<RecordVersion> versions,
                                       BiFunction<String, String, String> display) {
        var part = new Div();
        part.add(new Paragraph(title));
        var list = new UnorderedList();
        HistorySentences.sentences(page, versions, display).forEach(s -> list.add(new ListItem(s)));
        part.add(list);
        return part;
    }
}
