package org.armstrace.demo;

/**
 * How big a demo to load: the registry's weapons and people; everything else (dealers, recoveries,
 * reports, requests, cases) scales from them within bounds that keep each screen readable.
 */
public record DemoSize(int firearms, int people) {

    /** The documented demo: some thousands of weapons, as a small focal point's registry. */
    public static final DemoSize STANDARD = new DemoSize(3_000, 2_000);

    public DemoSize {
        if (firearms < 20 || people < 10) {
            throw new IllegalArgumentException("A demo needs at least 20 weapons and 10 people");
        }
    }

    /** A demo of {@code firearms} weapons and two people for every three. */
    public static DemoSize of(int firearms) {
        return new DemoSize(firearms, Math.max(10, firearms * 2 / 3));
    }

    int dealers() {
        return clamp(people / 100, 3, 24);
    }

    int importers() {
        return clamp(people / 400, 2, 6);
    }

    int reports() {
        return clamp(firearms / 50, 6, 60);
    }

    int recoveries() {
        return clamp(firearms / 75, 8, 40);
    }

    /** Incoming and outgoing requests at each status. */
    int requestsPerStatus() {
        return firearms >= 1_000 ? 2 : 1;
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
