package org.armstrace.base;

import com.vaadin.flow.dom.Element;

/**
 * What the application keeps in the browser belongs to the user signed in, and goes when they do.
 * Tablets in the field are shared by a unit and get lost; the recovery form's offline copy
 * ({@code armstrace-draft.js}) may hold possessors' names and personal numbers. Every key the
 * application writes to {@code localStorage} or {@code sessionStorage} starts with
 * {@value #PREFIX}. They are removed at sign-out, in the browser before the server's redirect
 * ({@link #forgetOnClick}). After a session that ended without sign-out (expired, idle) the copy
 * stays, sealed with a key that died with the session, until the recovery form is next opened on
 * that browser, which discards copies it cannot open or that belong to someone else.
 */
public final class BrowserStorage {

    public static final String PREFIX = "armstrace.";

    /**
     * Tells the page's own scripts to write nothing more (an {@code armstrace-forget} event), then
     * removes every key of the application from both storages. Storage that is disabled is left alone.
     */
    static final String FORGET = """
            window.dispatchEvent(new Event('armstrace-forget'));
            for (const storage of ['localStorage', 'sessionStorage']) {
              try {
                const s = window[storage];
                Object.keys(s).filter((k) => k.startsWith('%s')).forEach((k) => s.removeItem(k));
              } catch (e) {
                // storage disabled (private mode): nothing was kept
              }
            }
            """.formatted(PREFIX);

    private BrowserStorage() {
    }

    /**
     * Forgets the application's browser storage when {@code element} is clicked, in the browser, at
     * once: before the click reaches the server, so before any redirect, and even without a connection.
     */
    public static void forgetOnClick(Element element) {
        element.executeJs("this.addEventListener('click', () => {" + FORGET + "}, true)");
    }
}
