package org.armstrace.registry.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.Person;

/** Registers a person, or corrects one's details (with a reason, required). Names as written, any script. */
public class PersonForm extends DeskForm<PersonForm.Values> {

    public record Values(NewPerson person, String reason) {
    }

    private final boolean correcting;
    final TextField givenName = new TextField();
    final TextField familyName = new TextField();
    final TextField parentName = new TextField();
    final DatePicker birthDate = new DatePicker();
    final TextField birthPlace = new TextField();
    final TextField nationalId = new TextField();
    final TextField reason = new TextField();

    PersonForm(Person current) {
        super("person-desk");
        correcting = current != null;
        givenName.setLabel(getTranslation("desk.given-name"));
        givenName.setId("person-desk-given-name");
        familyName.setLabel(getTranslation("desk.family-name"));
        familyName.setId("person-desk-family-name");
        parentName.setLabel(getTranslation("person.parent-name"));
        for (TextField f : new TextField[] {givenName, familyName, parentName}) {
            f.setMaxLength(100);
        }
        givenName.setRequired(true);
        familyName.setRequired(true);
        birthDate.setLabel(getTranslation("person.birth-date"));
        birthDate.setId("person-desk-birth-date");
        birthDate.setMax(Dates.today());
        DatePickers.localise(birthDate);
        birthPlace.setLabel(getTranslation("person.birth-place"));
        birthPlace.setId("person-desk-birth-place");
        birthPlace.setMaxLength(100);
        nationalId.setLabel(getTranslation("person.national-id"));
        nationalId.setMaxLength(30);
        add(givenName, familyName, parentName, birthDate, birthPlace, nationalId);
        if (correcting) {
            givenName.setValue(current.givenName());
            familyName.setValue(current.familyName());
            parentName.setValue(current.parentName() == null ? "" : current.parentName());
            birthDate.setValue(current.birthDate());
            birthPlace.setValue(current.birthPlace() == null ? "" : current.birthPlace());
            nationalId.setValue(current.nationalId() == null ? "" : current.nationalId());
            reason.setLabel(getTranslation("desk.reason"));
            reason.setId("person-desk-reason");
            reason.setMaxLength(500);
            reason.setRequired(true);
            add(reason);
            setColspan(reason, 2);
        }
        finish();
    }

    @Override
    Values values() {
        if (blank(givenName.getValue()) || blank(familyName.getValue())) {
            refuse(getTranslation("desk.names-required"));
            return null;
        }
        if (badDate(birthDate)) {
            refuse(getTranslation("desk.date-invalid"));
            return null;
        }
        if (correcting && blank(reason.getValue())) {
            refuse(getTranslation("desk.reason-required"));
            return null;
        }
        return new Values(new NewPerson(givenName.getValue().strip(), familyName.getValue().strip(),
                orNull(parentName.getValue()), birthDate.getValue(), orNull(birthPlace.getValue()),
                orNull(nationalId.getValue())), orNull(reason.getValue()));
    }
}
