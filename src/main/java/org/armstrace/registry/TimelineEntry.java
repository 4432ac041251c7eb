package org.armstrace.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One event in a weapon's life, for the timeline on its page. {@code kind} names a translation
 * key ({@code timeline.<kind>}) and {@code args} fill its placeholders; {@code refId} is the
 * person, licence, report or transfer the event is about, if any.
 */
public record TimelineEntry(LocalDate date, Kind kind, List<String> args, String refId) {

    public enum Kind { REGISTERED, CORRECTED, TRANSFER, LICENCE_FROM, LICENCE_TO, REPORTED, REPORT_CLOSED, RESEMBLES_REPORTED }

    public TimelineEntry {
        args = List.copyOf(args);
    }
}
