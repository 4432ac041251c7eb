package org.armstrace.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Acting;
import org.armstrace.security.Role;

/**
 * One load of the demo: its name (which prefixes the demo users and tells the dataset apart), its
 * size, the seeded random stream every step draws from, and what earlier steps made that later ones
 * need (weapon and people ids, the demo users). Steps run in a fixed order, so a fixed seed gives
 * the same dataset.
 */
final class DemoRun {

    static final long SEED = 2026_12_07L;

    final String name;
    final DemoSize size;
    final Random random = new Random(SEED);
    final Provenance provenance;

    final List<NewFirearm> weapons = new ArrayList<>();
    /** The registry's people as registered, in the order of {@link #personIds}. */
    final List<NewPerson> people = new ArrayList<>();
    final List<String> firearmIds = new ArrayList<>();
    final List<String> personIds = new ArrayList<>();
    final List<String> licenceIds = new ArrayList<>();
    final List<String> importerIds = new ArrayList<>();
    final List<String> dealerIds = new ArrayList<>();
    /** Weapons reported lost or stolen, some of which turn up at recoveries. */
    final List<Integer> reported = new ArrayList<>();
    final List<String> recoveryIds = new ArrayList<>();
    final List<String> traceIds = new ArrayList<>();
    final List<String> importBatchIds = new ArrayList<>();
    /** The accounts this load created, printed once when it ends. */
    final List<DemoUsers.Created> accounts = new ArrayList<>();
    String investigationId;
    /** Where steps say how far they have got; the loader prints a line every few seconds. */
    Consumer<String> progress = what -> {
    };

    DemoRun(String name, DemoSize size) {
        this.name = name;
        this.size = size;
        // The default dataset's facts read simply "demo"; a named one (tests) says which.
        this.provenance = new Provenance(DemoData.DEFAULT_NAME.equals(name) ? "demo" : "demo:" + name,
                Provenance.Confidence.HIGH);
    }

    /** A demo user's name: {@code demo-analyst}, {@code demo-supervisor} … */
    String user(String role) {
        return name + "-" + role;
    }

    String admin() {
        return user("admin");
    }

    String analyst() {
        return user("analyst");
    }

    String analyst2() {
        return user("analyst2");
    }

    String supervisor() {
        return user("supervisor");
    }

    String intake() {
        return user("intake");
    }

    String officer() {
        return user("officer");
    }

    <T> T as(String username, Role role, Supplier<T> action) {
        return acting(username, role, action);
    }

    /** Runs the action signed in as this user with this role, as the services' method security expects. */
    static <T> T acting(String username, Role role, Supplier<T> action) {
        return Acting.as(username, role, action);
    }

    void as(String username, Role role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }

    String firearm(int i) {
        return firearmIds.get(i % firearmIds.size());
    }

    String person(int i) {
        return personIds.get(i % personIds.size());
    }
}
