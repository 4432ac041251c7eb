package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The layout every reference-data tab shares: its list, and the editor beside it (below it on a narrow screen). */
final class ReferenceTabs {

    private ReferenceTabs() {
    }

    static FlexLayout listAndEditor(Grid<?> grid, Component... editorParts) {
        var editor = new VerticalLayout(editorParts);
        editor.setPadding(false);
        editor.setMaxWidth("30rem");
        var body = new FlexLayout(grid, editor);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        return body;
    }
}
