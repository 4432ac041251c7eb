package org.armstrace.intelligence;

import java.util.List;

/**
 * A new alert told these analysts (in-app {@code :Notification}s), published in the scan's
 * transaction: other channels (e-mail) listen to it.
 */
public record AlertRaised(String alertId, Pattern pattern, List<String> told) {

    public AlertRaised {
        told = List.copyOf(told);
    }
}
