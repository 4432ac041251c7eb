package org.armstrace.registry.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.DatePickers;
import org.armstrace.registry.Licence;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.registry.Transfer;

/**
 * Records a change of hands of the weapon whose page it is on. Parties are found by name (people and
 * organisations); the receiving licence is one of the receiver's. When the service warns (the party
 * it comes from does not hold the weapon), the form shows the warning and the desk must confirm.
 */
public class TransferForm extends DeskForm<TransferForm.Values> {

    /** {@code confirmed}: the desk saw the warning and records the transfer anyway. */
    public record Values(NewTransfer transfer, boolean confirmed) {
    }

    private final String firearmId;
    private boolean confirmed;
    final Select<Transfer.Kind> kind = new Select<>();
    final DatePicker date = new DatePicker();
    final ComboBox<RegistryDesk.Party> from = new ComboBox<>();
    final ComboBox<RegistryDesk.Party> to = new ComboBox<>();
    final ComboBox<Licence> licence = new ComboBox<>();
    final TextField reference = new TextField();

    /**
     * @param parties  finds parties by what was typed (at most the limit given)
     * @param licences the licences a party holds
     */
    TransferForm(String firearmId, BiFunction<String, Integer, List<RegistryDesk.Party>> parties,
                 Function<String, List<Licence>> licences) {
        super("transfer-desk");
        this.firearmId = firearmId;
        kind.setLabel(getTranslation("desk.transfer-kind"));
        kind.setItems(Transfer.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("transfer.kind." + k.name()));
        kind.setValue(Transfer.Kind.SALE);
        date.setLabel(getTranslation("timeline.date"));
        date.setId("transfer-desk-date");
        date.setMax(Dates.today());
        DatePickers.localise(date);
        for (var party : List.of(from, to)) {
            party.setItems(query -> parties.apply(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                    .stream().skip(query.getOffset()).limit(query.getLimit()));
            party.setItemLabelGenerator(RegistryDesk.Party::name);
            party.setClearButtonVisible(true);
            party.setHelperText(getTranslation("desk.party-help"));
        }
        from.setLabel(getTranslation("desk.transfer-from"));
        from.setId("transfer-desk-from");
        to.setLabel(getTranslation("desk.transfer-to"));
        to.setId("transfer-desk-to");
        licence.setLabel(getTranslation("desk.transfer-licence"));
        licence.setId("transfer-desk-licence");
        licence.setItemLabelGenerator(l -> l.number() + " · " + getTranslation("licence.kind." + l.kind().name()));
        licence.setEnabled(false);
        to.addValueChangeListener(e -> {
            licence.clear();
            licence.setItems(e.getValue() == null ? List.of() : licences.apply(e.getValue().id()));
            licence.setEnabled(e.getValue() != null);
        });
        reference.setLabel(getTranslation("lost.reference"));
        reference.setMaxLength(100);
        // Any change after a warning needs the warning again.
        kind.addValueChangeListener(e -> unconfirm());
        date.addValueChangeListener(e -> unconfirm());
        from.addValueChangeListener(e -> unconfirm());
        to.addValueChangeListener(e -> unconfirm());
        add(kind, date, from, to, licence, reference);
        finish();
    }

    /** Shows the service's warning; the next save records the transfer anyway. */
    public void warn(String message) {
        refuse(message);
        confirmed = true;
        save.setText(getTranslation("desk.record-anyway"));
    }

    private void unconfirm() {
        confirmed = false;
        save.setText(getTranslation("desk.save"));
    }

    @Override
    Values values() {
        if (date.getValue() == null || badDate(date)) {
            refuse(getTranslation("desk.transfer-date-required"));
            return null;
        }
        return new Values(new NewTransfer(kind.getValue(), date.getValue(), firearmId,
                from.getValue() == null ? null : from.getValue().id(), to.getValue() == null ? null : to.getValue().id(),
                licence.getValue() == null ? null : licence.getValue().id(), orNull(reference.getValue())), confirmed);
    }
}
