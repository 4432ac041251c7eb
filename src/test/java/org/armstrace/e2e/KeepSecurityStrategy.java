package org.armstrace.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For a browser test class with an application context of its own: Vaadin installs its security-context
 * strategy in {@link SecurityContextHolder} (a JVM-wide static) as each context starts, so a second
 * context leaves the shared one's services reading another holder than the one {@code Actors} fills.
 * This puts the shared context's strategy back once the class is done. Declare it before the Spring
 * test annotation, so that it sees the strategy before the class's context starts.
 */
class KeepSecurityStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeepSecurityStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        var strategy = context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class);
        if (strategy != null) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
