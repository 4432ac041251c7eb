package org.armstrace.registry;

/** A search that cannot be run as asked; the message is a translation key (API: 400 problem+json). */
public class SearchRejected extends RuntimeException {
    public SearchRejected(String messageKey) {
        super(messageKey);
    }
}
