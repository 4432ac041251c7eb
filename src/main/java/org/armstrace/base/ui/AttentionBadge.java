package org.armstrace.base.ui;

/**
 * Something in a feature that asks for the signed-in user's attention, shown as a counter in the
 * header (new alerts for an analyst, say). Features provide beans; the frame asks each on every
 * navigation and every poll, so the frame needs to know nothing of the features.
 */
public interface AttentionBadge {

    /** Whether the signed-in user is someone this badge is for. */
    boolean applies();

    /** How many things wait; zero hides the badge. */
    long count();

    /** Where a click takes the user. */
    String route();

    /** Translation key of the badge's label, with the count as {0}. */
    String labelKey();

    /** Translation key of the message shown when the count grows, with the new count as {0}. */
    String arrivedKey();
}
