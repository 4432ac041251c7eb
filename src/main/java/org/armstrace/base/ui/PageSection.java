package org.armstrace.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of one record's page that another feature contributes: how a feature's page shows what a
 * feature above it knows about the record (the case page shows the case file, and the timeline and
 * map of intelligence) without depending on it, which would make the modules a cycle. Implementations
 * are Spring beans; the page collects them at run time in their {@code @Order}.
 */
public interface PageSection {

    /** The page it belongs on, by that page's route ({@code "case"}). */
    String page();

    /** A new component for the record with this key, or empty when there is nothing for the signed-in user. */
    Optional<Component> create(String key);
}
