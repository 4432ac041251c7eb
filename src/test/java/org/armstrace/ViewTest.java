package org.armstrace;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;

/** Base of the browserless view tests: the shared application context, routes from our package only. */
@ArmsTraceTest
public abstract class ViewTest extends SpringBrowserlessTest {

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.armstrace");
    }
}
