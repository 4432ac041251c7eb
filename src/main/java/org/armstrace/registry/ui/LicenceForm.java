package org.armstrace.registry.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.registry.Licence;

/** Records a licence held by the person or organisation whose page it is on. */
public class LicenceForm extends DeskForm<LicenceForm.Values> {

    public record Values(String number, Licence.Kind kind, String issuedBy, LocalDate validFrom, LocalDate validTo) {
    }

    final TextField number = new TextField();
    final Select<Licence.Kind> kind = new Select<>();
    final TextField issuedBy = new TextField();
    final DatePicker validFrom = new DatePicker();
    final DatePicker validTo = new DatePicker();

    LicenceForm() {
        super("licence-desk");
        number.setLabel(getTranslation("licence.number"));
        number.setId("licence-desk-number");
        number.setMaxLength(40);
        number.setRequired(true);
        kind.setLabel(getTranslation("licence.kind"));
        kind.setItems(Licence.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("licence.kind." + k.name()));
        kind.setValue(Licence.Kind.POSSESSION);
        issuedBy.setLabel(getTranslation("licence.issued-by"));
        issuedBy.setMaxLength(100);
        validFrom.setLabel(getTranslation("licence.valid-from"));
        validFrom.setId("licence-desk-valid-from");
        // Issued on a day that has come: a licence is recorded from the document, after issue.
        validFrom.setMax(Dates.today());
        validTo.setLabel(getTranslation("licence.valid-to"));
        DatePickers.localise(validFrom, validTo);
        add(number, kind, issuedBy, validFrom, validTo);
        finish();
    }

    @Override
    Values values() {
        if (blank(number.getValue())) {
            refuse(getTranslation("desk.licence-number-required"));
            return null;
        }
        if (badDate(validFrom) || validTo.isInvalid()) {
            refuse(getTranslation("desk.date-invalid"));
            return null;
        }
        return new Values(number.getValue().strip(), kind.getValue(), orNull(issuedBy.getValue()), validFrom.getValue(),
                validTo.getValue());
    }
}
