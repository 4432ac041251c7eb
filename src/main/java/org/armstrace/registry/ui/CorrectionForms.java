package org.armstrace.registry.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.RecordCorrections;
import org.armstrace.registry.Transfer;

/**
 * The desk's correction forms for the records that are not weapons or people: an organisation, a
 * licence (and its end), a transfer and a marking. Each opens with the record's values and asks
 * for a reason, which the version keeps.
 */
final class CorrectionForms {

    private CorrectionForms() {
    }

    /** What a correction form collects: the new values and why. */
    record Corrected<T>(T value, String reason) {
    }

    /** The reason field every correction ends with; null (after saying so) when empty. */
    private static TextField reason(DeskForm<?> form, String idPrefix) {
        var reason = new TextField(form.getTranslation("desk.reason"));
        reason.setId(idPrefix + "-reason");
        reason.setMaxLength(500);
        reason.setRequired(true);
        return reason;
    }

    private static String reasonOf(DeskForm<?> form, TextField reason) {
        if (DeskForm.blank(reason.getValue())) {
            form.refuse(form.getTranslation("desk.reason-required"));
            return null;
        }
        return reason.getValue().strip();
    }

    /** An organisation's name and country. */
    static final class OrganisationCorrection extends DeskForm<Corrected<OrganisationCorrection.Values>> {

        record Values(String name, String country) {
        }

        final TextField name = new TextField();
        final ComboBox<DeskChoices.Option> country;
        final TextField reason;

        OrganisationCorrection(DeskChoices choices, String currentName, String currentCountry) {
            super("organisation-correct");
            name.setLabel(getTranslation("desk.organisation-name"));
            name.setId("organisation-correct-name");
            name.setMaxLength(200);
            name.setValue(currentName == null ? "" : currentName);
            country = DeskChoices.box(getTranslation("organisation.country"), choices.countries());
            country.setId("organisation-correct-country");
            DeskChoices.select(country, choices.countries(), currentCountry);
            reason = reason(this, "organisation-correct");
            add(name, country, reason);
            finish();
        }

        @Override
        Corrected<Values> values() {
            if (blank(name.getValue())) {
                refuse(getTranslation("desk.organisation-invalid"));
                return null;
            }
            String why = reasonOf(this, reason);
            return why == null ? null : new Corrected<>(new Values(name.getValue().strip(), DeskChoices.code(country)), why);
        }
    }

    /** A licence's number, kind, issuer and dates. */
    static final class LicenceCorrection extends DeskForm<Corrected<RecordCorrections.LicenceCorrection>> {

        final TextField number = new TextField();
        final Select<Licence.Kind> kind = new Select<>();
        final TextField issuedBy = new TextField();
        final DatePicker validFrom = new DatePicker();
        final DatePicker validTo = new DatePicker();
        final TextField reason;

        LicenceCorrection(Licence l) {
            super("licence-correct");
            number.setLabel(getTranslation("licence.number"));
            number.setId("licence-correct-number");
            number.setMaxLength(40);
            number.setValue(l.number());
            kind.setLabel(getTranslation("licence.kind"));
            kind.setItems(Licence.Kind.values());
            kind.setItemLabelGenerator(k -> getTranslation("licence.kind." + k.name()));
            kind.setValue(l.kind());
            issuedBy.setLabel(getTranslation("licence.issued-by"));
            issuedBy.setMaxLength(100);
            issuedBy.setValue(l.issuedBy() == null ? "" : l.issuedBy());
            validFrom.setLabel(getTranslation("licence.valid-from"));
            validFrom.setId("licence-correct-valid-from");
            validFrom.setMax(Dates.today());
            validFrom.setValue(l.validFrom());
            validTo.setLabel(getTranslation("licence.valid-to"));
            validTo.setValue(l.validTo());
            DatePickers.localise(validFrom, validTo);
            reason = reason(this, "licence-correct");
            add(number, kind, issuedBy, validFrom, validTo, reason);
            finish();
        }

        @Override
        Corrected<RecordCorrections.LicenceCorrection> values() {
            if (blank(number.getValue())) {
                refuse(getTranslation("desk.licence-number-required"));
                return null;
            }
            if (badDate(validFrom) || validTo.isInvalid()) {
                refuse(getTranslation("desk.date-invalid"));
                return null;
            }
            String why = reasonOf(this, reason);
            return why == null ? null : new Corrected<>(new RecordCorrections.LicenceCorrection(number.getValue().strip(),
                    kind.getValue(), orNull(issuedBy.getValue()), validFrom.getValue(), validTo.getValue()), why);
        }
    }

    /** A licence revoked, suspended or expired, and on what day. */
    static final class LicenceEnd extends DeskForm<Corrected<LicenceEnd.Values>> {

        record Values(Licence.Status status, LocalDate on) {
        }

        final Select<Licence.Status> status = new Select<>();
        final DatePicker on = new DatePicker();
        final TextField reason;

        LicenceEnd() {
            super("licence-end");
            status.setLabel(getTranslation("licence.status"));
            status.setId("licence-end-status");
            status.setItems(Stream.of(Licence.Status.values()).filter(Licence.Status::ends).toList());
            status.setItemLabelGenerator(s -> getTranslation("licence.status." + s.name()));
            status.setValue(Licence.Status.REVOKED);
            on.setLabel(getTranslation("licence.ended-on"));
            on.setId("licence-end-on");
            on.setMax(Dates.today());
            DatePickers.localise(on);
            reason = reason(this, "licence-end");
            add(status, on, reason);
            finish();
        }

        @Override
        Corrected<Values> values() {
            if (on.getValue() == null || badDate(on)) {
                refuse(getTranslation("desk.date-invalid"));
                return null;
            }
            String why = reasonOf(this, reason);
            return why == null ? null : new Corrected<>(new Values(status.getValue(), on.getValue()), why);
        }
    }

    /** A transfer's kind, date and reference. */
    static final class TransferCorrection extends DeskForm<Corrected<RecordCorrections.TransferCorrection>> {

        final Select<Transfer.Kind> kind = new Select<>();
        final DatePicker date = new DatePicker();
        final TextField reference = new TextField();
        final TextField reason;

        TransferCorrection(RecordCorrections.TransferHistory t) {
            super("transfer-correct");
            kind.setLabel(getTranslation("desk.transfer-kind"));
            kind.setItems(Transfer.Kind.values());
            kind.setItemLabelGenerator(k -> getTranslation("transfer.kind." + k.name()));
            kind.setValue(t.kind());
            date.setLabel(getTranslation("timeline.date"));
            date.setId("transfer-correct-date");
            date.setMax(Dates.today());
            date.setValue(t.date());
            DatePickers.localise(date);
            reference.setLabel(getTranslation("lost.reference"));
            reference.setMaxLength(100);
            reference.setValue(t.reference() == null ? "" : t.reference());
            reason = reason(this, "transfer-correct");
            add(kind, date, reference, reason);
            finish();
        }

        @Override
        Corrected<RecordCorrections.TransferCorrection> values() {
            if (date.getValue() == null || badDate(date)) {
                refuse(getTranslation("desk.transfer-date-required"));
                return null;
            }
            String why = reasonOf(this, reason);
            return why == null ? null : new Corrected<>(new RecordCorrections.TransferCorrection(kind.getValue(),
                    date.getValue(), orNull(reference.getValue())), why);
        }
    }

    /** A marking added or corrected: kind, text as read, where on the weapon. */
    static final class MarkingCorrection extends DeskForm<Corrected<NewFirearm.NewMarking>> {

        final Select<NewFirearm.MarkingKind> kind = new Select<>();
        final TextField text = new TextField();
        final TextField position = new TextField();
        final TextField reason;
        private final Firearm.Marking current;

        /** {@code current} null: a marking to add. */
        MarkingCorrection(Firearm.Marking current) {
            super("marking-correct");
            this.current = current;
            kind.setLabel(getTranslation("desk.marking-kind"));
            kind.setItems(NewFirearm.MarkingKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("marking.kind." + k.name()));
            kind.setValue(current == null ? NewFirearm.MarkingKind.IMPORT : NewFirearm.MarkingKind.valueOf(current.kind()));
            text.setLabel(getTranslation("desk.marking-text"));
            text.setId("marking-correct-text");
            text.setMaxLength(100);
            text.setValue(current == null ? "" : current.text());
            position.setLabel(getTranslation("desk.marking-position"));
            position.setMaxLength(100);
            position.setValue(current == null || current.position() == null ? "" : current.position());
            reason = reason(this, "marking-correct");
            add(kind, text, position, reason);
            finish();
        }

        @Override
        Corrected<NewFirearm.NewMarking> values() {
            if (blank(text.getValue())) {
                refuse(getTranslation("desk.marking-invalid"));
                return null;
            }
            String why = reasonOf(this, reason);
            return why == null ? null : new Corrected<>(new NewFirearm.NewMarking(kind.getValue(), text.getValue().strip(),
                    orNull(position.getValue()), current == null ? null : current.country(),
                    current == null ? null : current.year()), why);
        }
    }

    /** Why a marking is retired. */
    static final class MarkingRetirement extends DeskForm<String> {

        final TextField reason;

        MarkingRetirement() {
            super("marking-retire");
            reason = reason(this, "marking-retire");
            add(reason);
            finish();
        }

        @Override
        String values() {
            return reasonOf(this, reason);
        }
    }
}
