package org.armstrace.intelligence.ui;

import org.armstrace.base.ui.AttentionBadge;
import org.armstrace.intelligence.Alerts;
import org.armstrace.security.Role;
import org.springframework.stereotype.Component;

/** The bell in the header: alerts new to the signed-in analyst. */
@Component
class AlertBadge implements AttentionBadge {

    private final Alerts alerts;

    AlertBadge(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public boolean applies() {
        return Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST);
    }

    @Override
    public long count() {
        return alerts.unread();
    }

    @Override
    public String route() {
        return "intelligence/alerts/new";
    }

    @Override
    public String labelKey() {
        return "alerts.badge";
    }

    @Override
    public String arrivedKey() {
        return "alerts.arrived";
    }
}
