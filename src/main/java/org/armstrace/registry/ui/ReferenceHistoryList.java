package org.armstrace.registry.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.registry.ReferenceRevision;

/** A reference entry's edits, newest first: when, who, why and what changed. */
final class ReferenceHistoryList extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final UnorderedList list = new UnorderedList();

    ReferenceHistoryList(String id) {
        setId(id);
        add(new H4(getTranslation("reference.history")), list);
    }

    void show(List<ReferenceRevision> revisions) {
        list.removeAll();
        if (revisions.isEmpty()) {
            list.add(new ListItem(getTranslation("reference.history-none")));
        }
        for (ReferenceRevision r : revisions.reversed()) {
            list.add(new ListItem(getTranslation("reference.history-line", WHEN.format(r.at()), r.by(), r.reason(),
                    String.join(", ", changes(r)))));
        }
    }

    /** The after values that differ from before (a revision stores whole values, not a diff). */
    static List<String> changes(ReferenceRevision r) {
        var changed = new ArrayList<String>();
        for (String a : r.after()) {
            if (!r.before().contains(a)) {
                changed.add(a);
            }
        }
        return changed;
    }
}
