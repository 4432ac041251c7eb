package org.armstrace.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.armstrace.api.ApiToken;
import org.armstrace.api.ApiTokenService;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.security.Role;

/** Administrators create and revoke REST API tokens. The secret is shown once, when it is created. */
@Route("admin/api-tokens")
@Menu(order = 92, icon = "vaadin:key", title = "menu.api-tokens")
@RolesAllowed(Role.Names.ADMIN)
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {


    final Grid<ApiToken> grid = new Grid<>();
    final TextField name = new TextField();
    final ComboBox<Role> role = new ComboBox<>();
    final IntegerField rate = new IntegerField();
    final TextField country = new TextField();
    final Button create = new Button();
    private final ApiTokenService tokens;

    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        setSizeFull();
        name.setLabel(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setMaxLength(80);
        role.setLabel(getTranslation("tokens.role"));
        role.setId("token-role");
        role.setItems(Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN).toList());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.ANALYST);
        country.setLabel(getTranslation("tokens.country"));
        country.setId("token-country");
        country.setMaxLength(2);
        country.setWidth("7em");
        country.setHelperText(getTranslation("tokens.country-help"));
        country.setVisible(false);
        role.addValueChangeListener(e -> country.setVisible(e.getValue() == Role.PARTNER));
        rate.setLabel(getTranslation("tokens.rate"));
        rate.setMin(1);
        rate.setMax(ApiTokenService.MAX_RATE);
        rate.setValue(ApiTokenService.DEFAULT_RATE);
        rate.setStepButtonsVisible(true);
        create.setText(getTranslation("tokens.create"));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        var form = new FlexLayout(name, role, country, rate, create);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("tokens-grid");
        EmptyGrids.say(grid, "empty.tokens");
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("role." + t.role().name()) + (t.country() == null ? "" : " · " + t.country()))
                .setHeader(getTranslation("tokens.role")).setAutoWidth(true);
        grid.addColumn(ApiToken::requestsPerMinute).setHeader(getTranslation("tokens.rate")).setAutoWidth(true);
        grid.addColumn(t -> t.createdBy() + " · " + Dates.dateTime(t.createdAt(), getLocale()))
                .setHeader(getTranslation("tokens.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "—" : Dates.dateTime(t.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("tokens.last-used"))
                .setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (!t.active()) {
                return new Paragraph(getTranslation("tokens.revoked", t.revokedBy(),
                        Dates.dateTime(t.revokedAt(), getLocale())));
            }
            var revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setHeader(getTranslation("tokens.status")).setAutoWidth(true);
        add(new H2(getTranslation("menu.api-tokens")), new Paragraph(getTranslation("tokens.help")), form, grid);
        refresh();
    }

    private void create() {
        try {
            var created = tokens.create(name.getValue(), role.getValue(), rate.getValue() == null ? 0 : rate.getValue(),
                    country.getValue());
            name.clear();
            refresh();
            var dialog = new Dialog(getTranslation("tokens.secret-title"));
            var secret = new TextField();
            secret.setId("token-secret");
            secret.setValue(created.secret());
            secret.setReadOnly(true);
            secret.setWidth("32rem");
            secret.setMaxWidth("100%");
            dialog.add(new Paragraph(getTranslation("tokens.secret-once")), secret);
            dialog.getFooter().add(new Button(getTranslation("tokens.secret-done"), e -> dialog.close()));
            dialog.setCloseOnOutsideClick(false);
            dialog.open();
        } catch (IllegalArgumentException ex) {
            Notification.show(getTranslation("tokens.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRevoke(ApiToken token) {
        var dialog = new Dialog(getTranslation("tokens.revoke-confirm", token.name()));
        var revoke = new Button(getTranslation("tokens.revoke"), e -> {
            tokens.revoke(token.id());
            dialog.close();
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("tokens.cancel"), e -> dialog.close()), revoke);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.api-tokens") + " · ArmsTrace";
    }
}
