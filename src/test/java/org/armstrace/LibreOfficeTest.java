package org.armstrace;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Opens produced documents in LibreOffice ({@code /usr/bin/soffice}); on a test method, only that
 * method leaves the fast suite, and the rest of its class stays in it.
 * Run by Failsafe in {@code ./mvnw verify}, not by {@code ./mvnw test} (see README, "Test it").
 */
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTags.LIBREOFFICE)
public @interface LibreOfficeTest {
}
