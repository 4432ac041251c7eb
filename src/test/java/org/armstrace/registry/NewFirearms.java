package org.armstrace.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Test data: a {@link NewFirearm} by name rather than by position. Whatever is not set is unknown
 * (null), as in a report that leaves it out.
 *
 * <pre>{@code
 * NewFirearm f = NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70").serial("A1").build();
 * }</pre>
 */
public final class NewFirearms {

    private String type;
    private String make;
    private String model;
    private String calibre;
    private String serial;
    private String country;
    private Integer year;
    private final List<NewFirearm.NewMarking> markings = new ArrayList<>();

    private NewFirearms() {
    }

    public static NewFirearms newFirearm() {
        return new NewFirearms();
    }

    public NewFirearms type(String type) {
        this.type = type;
        return this;
    }

    public NewFirearms make(String make) {
        this.make = make;
        return this;
    }

    public NewFirearms model(String model) {
        this.model = model;
        return this;
    }

    public NewFirearms calibre(String calibre) {
        this.calibre = calibre;
        return this;
    }

    /** The serial exactly as read off the weapon. */
    public NewFirearms serial(String serialAsRead) {
        this.serial = serialAsRead;
        return this;
    }

    /** The country of manufacture, as given. */
    public NewFirearms country(String countryOfManufacture) {
        this.country = countryOfManufacture;
        return this;
    }

    /** The year of manufacture. */
    public NewFirearms year(Integer year) {
        this.year = year;
        return this;
    }

    /** Adds these markings to the ones already set. */
    public NewFirearms markings(List<NewFirearm.NewMarking> markings) {
        this.markings.addAll(markings);
        return this;
    }

    public NewFirearms marking(NewFirearm.MarkingKind kind, String text, String position, String country, Integer year) {
        markings.add(new NewFirearm.NewMarking(kind, text, position, country, year));
        return this;
    }

    public NewFirearm build() {
        return new NewFirearm(type, make, model, calibre, serial, country, year, markings);
    }
}
