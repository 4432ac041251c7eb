package org.armstrace.e2e;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.ComponentMapping;
import com.vaadin.flow.internal.nodefeature.NodeFeature;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Who owns an idle session's bytes, for {@link CapacityBenchmark}: a walk of the object graph from
 * each open servlet session (its attributes, Vaadin's session, its UIs and their state trees), each
 * object counted once, at its shallow size as HotSpot lays it out (12-byte headers, compressed
 * references; arrays 16 bytes plus their elements), and charged to an owner:
 * <ul>
 *   <li>an object reached through a Vaadin component (its fields, its element, its state node and
 *       that node's features) is charged to the component's class and the feature or field it hangs
 *       from ("ChartView / ElementPropertyMap"), and also summed per view (the route or layout the
 *       component sits in);</li>
 *   <li>what Vaadin's session, the UI and {@code UIInternals} hold directly is charged to their
 *       field ("UIInternals.lastRequestResponse");</li>
 *   <li>other session attributes to their name.</li>
 * </ul>
 * The walk stops at what is shared by every session: Spring's singletons, Vaadin's service and
 * servlet, the servlet context, Tomcat's session manager, classes, threads, class loaders, enum
 * constants and loggers; weak and soft references are not followed. An object reached from two
 * sessions is charged to the first. Needs {@code --add-opens} for the JDK's collection packages
 * (see the benchmark's command); a class whose fields cannot be read counts its shallow size only
 * and is listed.
 */
final class SessionOwners {

    private static final boolean COMPRESSED_OOPS = hotspotFlag("UseCompressedOops", true);
    private static final int REF = COMPRESSED_OOPS ? 4 : 8;
    private static final int HEADER = hotspotFlag("UseCompactObjectHeaders", false) ? 8 : 12;

    private final Set<Object> stop = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Class<?>, List<Field>> fields = new HashMap<>();
    private final Map<Class<?>, Long> shallow = new HashMap<>();
    private final Map<String, Long> byOwner = new HashMap<>();
    private final Map<String, Long> byView = new HashMap<>();
    private final Map<String, Long> byClass = new HashMap<>();
    private final Map<String, Long> opaque = new TreeMap<>();
    private final Map<Component, String> viewOf = new IdentityHashMap<>();

    private SessionOwners(ConfigurableApplicationContext context) {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        stop.add(context);
        stop.add(beans);
        for (String name : beans.getSingletonNames()) {
            Object bean = beans.getSingleton(name);
            if (bean != null) {
                stop.add(bean);
            }
        }
    }

    /** Walks the sessions (each under its Vaadin session's lock) and prints the owners of their bytes. */
    static void print(List<HttpSession> sessions, ConfigurableApplicationContext context, int top) {
        var owners = new SessionOwners(context);
        long t0 = System.nanoTime();
        try {
            for (HttpSession http : sessions) {
                owners.walkSession(http);
            }
            owners.report(sessions.size(), top, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) { // a diagnosis: it must not cost the run its other figures
            System.out.println("owners of the sessions' bytes: the walk failed: " + e);
            e.printStackTrace(System.out);
        }
    }

    private void walkSession(HttpSession http) {
        var vaadin = new ArrayList<VaadinSession>();
        for (String name : Collections.list(http.getAttributeNames())) {
            if (http.getAttribute(name) instanceof VaadinSession v) {
                vaadin.add(v);
            }
        }
        vaadin.forEach(VaadinSession::lock);
        try {
            for (String name : Collections.list(http.getAttributeNames())) {
                Object value = http.getAttribute(name);
                walk(value, value instanceof VaadinSession ? "VaadinSession" : "session attribute " + shorten(name), null);
            }
            walk(http, "HttpSession (Tomcat's own)", null);
        } finally {
            vaadin.forEach(VaadinSession::unlock);
        }
    }

    private record Step(Object object, String owner, String view) {
    }

    private void walk(Object root, String rootOwner, String rootView) {
        var stack = new ArrayDeque<Step>();
        stack.push(new Step(root, rootOwner, rootView));
        while (!stack.isEmpty()) {
            Step step = stack.pop();
            Object o = step.object();
            if (o == null || isShared(o) || !seen.add(o)) {
                continue;
            }
            Class<?> type = o.getClass();
            String owner = step.owner();
            String view = step.view();
            String fieldOwnerPrefix = null; // when set, each field's value is charged to prefix + field name
            if (o instanceof Component c) {
                view = viewOf(c);
                owner = label(type) + " / fields";
                fieldOwnerPrefix = type.getName().startsWith("org.armstrace.") ? label(type) + "." : null;
            } else if (o instanceof StateNode node) {
                var component = node.hasFeature(ComponentMapping.class) ? node.getFeatureIfInitialized(ComponentMapping.class)
                        .flatMap(ComponentMapping::getComponent) : java.util.Optional.<Component>empty();
                owner = component.map(c -> label(c.getClass())).orElse("(node without component)");
                view = component.map(this::viewOf).orElse(view);
            } else if (o instanceof NodeFeature && owner.contains(" / ")) {
                owner = owner.substring(0, owner.indexOf(" / ")) + " / " + type.getSimpleName();
            } else if (o instanceof NodeFeature) {
                owner = owner + " / " + type.getSimpleName();
            } else if (o instanceof VaadinSession) {
                fieldOwnerPrefix = "VaadinSession.";
            } else if (o instanceof UI) {
                owner = "UI";
                fieldOwnerPrefix = "UI.";
            } else if (o instanceof UIInternals) {
                fieldOwnerPrefix = "UIInternals.";
            }
            long size = shallowSize(o, type);
            byOwner.merge(owner, size, Long::sum);
            byView.merge(view == null ? "(no view)" : view, size, Long::sum);
            byClass.merge(type.getName(), size, Long::sum);

            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    int n = Array.getLength(o);
                    for (int i = n - 1; i >= 0; i--) {
                        stack.push(new Step(Array.get(o, i), owner, view));
                    }
                }
                continue;
            }
            if (o instanceof Reference<?>) {
                continue; // weakly or softly held: whoever holds it strongly is charged
            }
            List<Field> fs = fieldsOf(type);
            if (fs == null) {
                opaque.merge(type.getName(), size, Long::sum);
                continue;
            }
            for (Field f : fs) {
                try {
                    Object value = f.get(o);
                    if (value != null) {
                        String childOwner = fieldOwnerPrefix == null || value instanceof Component
                                || value instanceof StateNode ? owner : fieldOwnerPrefix + f.getName();
                        stack.push(new Step(value, childOwner, view));
                    }
                } catch (IllegalAccessException e) {
                    opaque.merge(type.getName() + "." + f.getName(), 0L, Long::sum);
                }
            }
        }
    }

    /** The route or layout a component sits in, or the component itself when it is one. */
    private String viewOf(Component c) {
        return viewOf.computeIfAbsent(c, k -> {
            for (Component at = k; at != null; at = at.getParent().orElse(null)) {
                if (at.getClass().isAnnotationPresent(Route.class) || at instanceof RouterLayout && !(at instanceof UI)) {
                    return label(at.getClass());
                }
                if (at instanceof UI) {
                    return "UI";
                }
            }
            return "(detached component)";
        });
    }

    private boolean isShared(Object o) {
        if (stop.contains(o)) {
            return true;
        }
        return o instanceof Class<?> || o instanceof ClassLoader || o instanceof Thread || o instanceof ThreadGroup
                || o instanceof Module || o instanceof Enum<?> || o instanceof VaadinService || o instanceof VaadinServlet
                || o instanceof ServletContext || o instanceof org.apache.catalina.Manager
                || o instanceof org.apache.catalina.Context || o instanceof org.slf4j.Logger
                || o instanceof java.lang.reflect.Member || o instanceof java.lang.invoke.MethodHandle
                || o instanceof java.lang.invoke.MethodType || o instanceof org.springframework.context.ApplicationContext
                || o instanceof org.springframework.beans.factory.BeanFactory
                || o.getClass().getName().startsWith("ch.qos.logback.")
                || o.getClass().getName().startsWith("org.neo4j.");
    }

    /** The reference fields of a class and its superclasses, readable; null when a module does not open them. */
    private List<Field> fieldsOf(Class<?> type) {
        if (fields.containsKey(type)) {
            return fields.get(type);
        }
        List<Field> out = new ArrayList<>();
        classes:
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                } catch (RuntimeException inaccessible) { // InaccessibleObjectException: a module not opened
                    out = null;
                    break classes;
                }
                out.add(f);
            }
        }
        fields.put(type, out);
        return out;
    }

    private long shallowSize(Object o, Class<?> type) {
        if (type.isArray()) {
            Class<?> element = type.getComponentType();
            int each = !element.isPrimitive() ? REF : element == long.class || element == double.class ? 8
                    : element == int.class || element == float.class ? 4
                    : element == short.class || element == char.class ? 2 : 1;
            return align(HEADER + 4 + (long) Array.getLength(o) * each);
        }
        return shallow.computeIfAbsent(type, t -> {
            long bytes = HEADER;
            for (Class<?> c = t; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Class<?> ft = f.getType();
                    bytes += !ft.isPrimitive() ? REF : ft == long.class || ft == double.class ? 8
                            : ft == int.class || ft == float.class ? 4
                            : ft == short.class || ft == char.class ? 2 : 1;
                }
            }
            return align(bytes);
        });
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private void report(int sessions, int top, double seconds) {
        long total = byOwner.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("owners of the sessions' bytes (object graph from each session, shared beans left out; %.0f s):"
                + " %,.1f KB per session in all%n", seconds, total / 1024.0 / sessions);
        System.out.println("  by view (the route or layout a component sits in):");
        printTop(byView, sessions, 12, "    ");
        System.out.printf("  by owner (component / what of it; or field of Vaadin's session, UI, UIInternals), the %d largest:%n", top);
        printTop(byOwner, sessions, top, "    ");
        System.out.println("  by class, the 15 largest:");
        printTop(byClass, sessions, 15, "    ");
        if (!opaque.isEmpty()) {
            System.out.println("  not walked into (fields not readable), KB per session: " + opaque.entrySet().stream()
                    .map(e -> e.getKey() + "=" + String.format("%.1f", e.getValue() / 1024.0 / sessions)).toList());
        }
    }

    private static void printTop(Map<String, Long> bytes, int sessions, int top, String indent) {
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%s%9.1f KB/session  %s%n", indent, e.getValue() / 1024.0 / sessions,
                        e.getKey()));
    }

    private static String label(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda > 0) {
            name = name.substring(0, lambda) + "$$Lambda";
        }
        return name.startsWith("org.armstrace.") || name.startsWith("com.vaadin.")
                ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    private static String shorten(String attribute) {
        return attribute.length() > 80 ? attribute.substring(0, 80) + "…" : attribute;
    }

    private static boolean hotspotFlag(String name, boolean otherwise) {
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(bean.getVMOption(name).getValue());
        } catch (RuntimeException e) {
            return otherwise;
        }
    }
}
