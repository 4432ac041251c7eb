package org.armstrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Drives the running application in headless Chromium (Playwright, {@code /usr/bin/chromium}).
 * Run by Failsafe in {@code ./mvnw verify}, not by {@code ./mvnw test} (see README, "Test it").
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTags.BROWSER)
public @interface BrowserTest {
}
