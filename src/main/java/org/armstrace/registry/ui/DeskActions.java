package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Consumer;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.registry.DeskRejected;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Person;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.RegistryDesk;

/**
 * The desk's buttons on the record pages: each opens a form in a dialog, hands what the form fires
 * to {@link RegistryDesk}, and shows the service's refusal in the form, in the user's language.
 */
final class DeskActions {

    private DeskActions() {
    }

    /** Opens {@code form} in a dialog; {@code save} gets its values and throws {@link DeskRejected} to refuse. */
    static <V> Dialog open(Component page, String titleKey, DeskForm<V> form, Consumer<V> save, Runnable done) {
        var dialog = new Dialog(page.getTranslation(titleKey));
        dialog.setWidth("min(52rem, 95vw)");
        form.addSaveListener(e -> {
            try {
                save.accept(e.values());
                dialog.close();
                Notification.show(page.getTranslation("desk.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                done.run();
            } catch (DeskRejected refused) {
                String message = page.getTranslation(refused.key(), refused.args());
                if (form instanceof TransferForm transfer && refused.key().startsWith("desk.warning.")) {
                    transfer.warn(message);
                } else {
                    form.refuse(message);
                }
            } catch (IllegalArgumentException invalid) {
                form.refuse(page.getTranslation("desk.invalid"));
            }
        });
        dialog.add(form);
        dialog.open();
        return dialog;
    }

    static Button button(String id, String text, Runnable click) {
        var button = new Button(text, e -> click.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    static Button correctFirearm(Component page, RegistryDesk desk, ReferenceData reference, Firearm f, Runnable done) {
        return button("firearm-correct", page.getTranslation("desk.correct"), () -> {
            var form = new FirearmForm(DeskChoices.of(reference, UiLocale.current()), f);
            open(page, "desk.correct-firearm", form, v -> desk.correctFirearm(f.id(), new FirearmRegistry.Correction(
                    v.type(), v.make(), v.model(), v.calibre(), v.serialAsRead(), v.country(), v.year()), v.reason()), done);
        });
    }

    static Button recordTransfer(Component page, RegistryDesk desk, String firearmId, Runnable done) {
        return button("firearm-record-transfer", page.getTranslation("desk.record-transfer"), () -> {
            var form = new TransferForm(firearmId, desk::parties, desk::licences);
            open(page, "desk.record-transfer", form, v -> desk.recordTransfer(v.transfer(), v.confirmed()), done);
        });
    }

    static Button correctPerson(Component page, RegistryDesk desk, Person p, Runnable done) {
        return button("person-correct", page.getTranslation("desk.correct"), () ->
                open(page, "desk.correct-person", new PersonForm(p), v -> desk.correctPerson(p.id(), v.person(), v.reason()),
                        done));
    }

    static Button recordLicence(Component page, RegistryDesk desk, String holderId, Runnable done) {
        return button("record-licence", page.getTranslation("desk.record-licence"), () ->
                open(page, "desk.record-licence", new LicenceForm(), v -> desk.issueLicence(v.number(), v.kind(), holderId,
                        v.issuedBy(), v.validFrom(), v.validTo()), done));
    }
}
