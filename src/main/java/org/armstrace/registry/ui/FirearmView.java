package org.armstrace.registry.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.security.Role;

/** One weapon: its identification as it stands, its markings, and the history of its record. */
@Route("registry/firearm")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE, Role.Names.FIELD_OFFICER})
public class FirearmView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final FirearmRegistry registry;
    private String title = "";

    public FirearmView(FirearmRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        var found = registry.find(id);
        if (found.isEmpty()) {
            add(new H2(getTranslation("firearm.not-found")));
            return;
        }
        Firearm f = found.get();
        title = f.serialAsRead();
        add(new H2((f.makeCode() != null ? f.makeCode() : f.makeAsRead()) + " " + nullToEmpty(f.model()) + " · " + f.serialAsRead()));
        var facts = new Div();
        facts.setId("firearm-facts");
        facts.add(fact("registry.type", f.typeCode()), fact("registry.make", f.makeAsRead()),
                fact("registry.model", f.model()), fact("registry.calibre", f.calibreCode()),
                fact("registry.serial-as-read", f.serialAsRead()), fact("firearm.serial-key", f.serialKey()),
                fact("firearm.country", f.countryOfManufacture()), fact("firearm.year", f.year() == null ? null : f.year().toString()),
                fact("firearm.source", f.source() + " · " + f.confidence()));
        add(facts);
        add(new H3(getTranslation("firearm.markings")));
        var markings = new UnorderedList();
        f.markings().forEach(m -> markings.add(new ListItem(m.kind() + ": " + m.text()
                + (m.position() == null ? "" : " (" + m.position() + ")"))));
        add(f.markings().isEmpty() ? new Paragraph(getTranslation("firearm.no-markings")) : markings);
        add(new H3(getTranslation("firearm.history")));
        var history = new UnorderedList();
        history.setId("firearm-history");
        registry.history(id).forEach(v -> history.add(new ListItem(TIME.format(v.at()) + " · v" + v.version() + " · "
                + v.by() + " · " + v.reason() + (v.before().isEmpty() ? "" : " · " + String.join(", ", v.before())
                + " → " + String.join(", ", v.after())))));
        add(history);
    }

    private Paragraph fact(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + (value == null || value.isBlank() ? "—" : value));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return title + " · ArmsTrace";
    }
}
