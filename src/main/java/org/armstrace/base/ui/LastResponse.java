package org.armstrace.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Vaadin keeps, for every UI, the text of the last response it sent (so that it can send it again
 * when the browser repeats a request it got no answer to). After a navigation or a redraw that text
 * is the whole page: the statistics dashboard's response stayed in every idle session as a string
 * of some 100 KB or more ({@code CapacityBenchmark}, owner {@code UIInternals.lastRequestResponse}).
 * Asking the page for a trivial answer right after such a response makes the next, few-byte
 * response the one kept; the repeat-a-request protocol is unchanged.
 */
public final class LastResponse {

    private LastResponse() {
    }

    /** After this round trip, one more tiny one, so that the copy Vaadin keeps is small. */
    public static void replaceSoon(UI ui) {
        ui.getPage().executeJs("return 0").then(reply -> { });
    }
}
