package org.armstrace.notify;

/** A settings change refused; the message is a translation key. */
public class NotificationRejected extends RuntimeException {

    public NotificationRejected(String key) {
        super(key);
    }
}
