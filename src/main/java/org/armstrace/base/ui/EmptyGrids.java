package org.armstrace.base.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * What an empty grid says instead of showing bare headers ("No recoveries yet"): the reader then
 * knows the search ran, or the queue is clear, rather than wondering whether the page loaded.
 */
public final class EmptyGrids {

    private EmptyGrids() {
    }

    /** Sets the grid's empty-state text to the translation of {@code key} in the grid's language. */
    public static <T> Grid<T> say(Grid<T> grid, String key, Object... params) {
        grid.setEmptyStateText(grid.getTranslation(key, params));
        return grid;
    }
}
