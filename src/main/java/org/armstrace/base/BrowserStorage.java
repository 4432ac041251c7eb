package org.armstrace.base;

import com.vaadin.flow.dom.Element;

/**
 * What the application keeps in the browser belongs to the user signed in, and goes when they do.
 * Tablets in the field are shared by a unit and get lost; the recovery form's offline copy
 * ({@code armstrace-draft.js}) may hold possessors' names and personal numbers. Every key the
 * application writes to {@code localStorage} or {@code sessionStorage} starts with
 * {@value #PREFIX}. They are removed at sign-out, in the browser before the server's redirect
 * ({@link #forgetOnClick}), and again as the login page loads ({@link AppShell}), where the
 * browser lands after sign-out and after a session expired or was closed for idleness.
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
                /* storage disabled (private mode): nothing was kept; a block comment, because the
                   page's inline copy may be joined into one line */
              }
            }
            """.formatted(PREFIX);

    /** {@link #FORGET} when the page is the login page (its path ends in {@code /login}; a context path may precede it). */
    static final String ON_LOGIN_PAGE = "if (/\\/login\\/?$/.test(location.pathname)) {\n" + FORGET + "}\n";

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
