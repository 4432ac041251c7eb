package org.armstrace.importer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.Licence;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.Manufacturer;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.ReferenceKeys;
import org.armstrace.registry.SerialNumbers;
import org.armstrace.registry.Transfer;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

/**
 * Turns source rows into validated records by the profile: finds the profile's columns in the
 * header, applies each column's transformations, and checks every value. A row with any
 * rejection reason is reported with all of its reasons (not just the first) and imported not at
 * all; warnings leave the row in.
 */
final class RowParser {

    /** Longest cell taken at all: beyond this it is not registry data (a pasted document, an attack). */
    static final int MAX_CELL = 10_000;
    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 200;

    private final MappingProfile profile;
    private final ReferenceData reference;
    private final List<DateTimeFormatter> dates;
    private final Map<Target, Integer> index = new EnumMap<>(Target.class);
    private final Map<Target, MappingProfile.Column> columns = new EnumMap<>(Target.class);
    private final List<String> header;
    /**
     * Row content hash → first line, to report duplicate rows. A primitive map: it has an entry per
     * row of the file, and boxed keys and values would take about three times the memory.
     */
    private final LongIntHashMap seen = new LongIntHashMap();

    /** @throws Extract.Unreadable when a mapped column is not in the header */
    RowParser(MappingProfile profile, List<String> header, ReferenceData reference) throws Extract.Unreadable {
        this.profile = profile;
        this.reference = reference;
        this.header = header;
        this.dates = Values.dateFormatters(profile.dateFormats());
        var positions = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(Values.headerKey(header.get(i)), i);
        }
        var missing = new ArrayList<String>();
        for (MappingProfile.Column c : profile.columns()) {
            Integer at = positions.get(Values.headerKey(c.header()));
            if (at == null) {
                missing.add(c.header());
            } else {
                index.put(c.field(), at);
                columns.put(c.field(), c);
            }
        }
        if (!missing.isEmpty()) {
            String found = String.join(" | ", header.stream().limit(12).toList());
            if (header.size() == 1 && found.matches(".*[;,\\t|:].*")) {
                throw new Extract.Unreadable("file-wrong-delimiter", found);
            }
            throw new Extract.Unreadable("file-missing-columns", String.join(", ", missing), found);
        }
    }

    /** The validated row, or the reasons it is rejected (with its warnings, which are still worth reading). */
    sealed interface Result permits Accepted, Rejected {
    }

    record Accepted(ParsedRow row) implements Result {
    }

    record Rejected(List<Issue> issues) implements Result {
    }

    Result parse(Extract.SourceRow source) {
        int line = source.line();
        var rejected = new ArrayList<>(source.problems());
        var warnings = new ArrayList<>(source.notes());
        if (!rejected.isEmpty()) {
            return new Rejected(concat(rejected, warnings));
        }
        List<String> cells = source.cells();
        if (cells.size() < header.size() && cells.size() <= index.values().stream().max(Integer::compare).orElse(0)) {
            rejected.add(Issue.rejected(line, "row-too-few-cells", null, cells.size(), header.size()));
            return new Rejected(concat(rejected, warnings));
        }
        Map<Target, String> values = values(line, cells, rejected);
        if (!rejected.isEmpty()) {
            return new Rejected(concat(rejected, warnings));
        }
        if (values.isEmpty()) {
            return new Rejected(List.of(Issue.rejected(line, "row-empty", null)));
        }
        long hash = fnv64(values.toString());
        int first = seen.getIfAbsentPut(hash, line);
        if (first != line) {
            // Identical in every mapped column (the extract's own record id included, when mapped): the same
            // record written twice. It is kept, and names the record the first row made, so both rows are traced.
            warnings.add(Issue.warning(line, "row-duplicate", null, first));
        }
        ParsedRow parsed = parsedRow(new Fields(line, values, rejected, warnings));
        if (parsed != null && values.containsKey(Target.SOURCE_RECORD_ID)) {
            parsed = parsed.withSourceRecord(values.get(Target.SOURCE_RECORD_ID));
        }
        if (!rejected.isEmpty()) {
            return new Rejected(concat(rejected, warnings));
        }
        return new Accepted(parsed);
    }

    /** The mapped cells after their column's transformations; a cell too long or holding control characters is rejected. */
    private Map<Target, String> values(int line, List<String> cells, List<Issue> rejected) {
        var values = new EnumMap<Target, String>(Target.class);
        for (Map.Entry<Target, Integer> e : index.entrySet()) {
            String raw = e.getValue() < cells.size() ? cells.get(e.getValue()) : "";
            String col = columns.get(e.getKey()).header();
            if (raw.length() > MAX_CELL) {
                rejected.add(Issue.rejected(line, "cell-too-long", col, raw.length(), MAX_CELL));
                continue;
            }
            if (Values.hasControl(raw)) {
                rejected.add(Issue.rejected(line, "cell-control", col));
                continue;
            }
            String v = Values.transform(columns.get(e.getKey()), raw);
            if (v != null) {
                values.put(e.getKey(), v);
            }
        }
        return values;
    }

    /** The records a row of the profile's kind holds; what is wrong with them goes to the row's rejections. */
    private ParsedRow parsedRow(Fields row) {
        int line = row.line;
        List<Issue> warnings = row.warnings;
        return switch (profile.kind()) {
            case PEOPLE -> new ParsedRow(line, row.person(true), null, null, null, null, null, null, warnings);
            case ORGANISATIONS -> new ParsedRow(line, null, null, row.organisation(), null, null, null, null, warnings);
            case FIREARMS -> {
                NewFirearm weapon = row.firearm(true);
                NewPerson holder = row.anyOf(Target.PERSON_FAMILY_NAME, Target.PERSON_GIVEN_NAME, Target.PERSON_FULL_NAME,
                        Target.PERSON_NATIONAL_ID) ? row.person(true) : null;
                ParsedRow.LicencePart licence = row.anyOf(Target.LICENCE_NUMBER) ? row.licence() : null;
                if (licence != null && holder == null && row.rejected.isEmpty()) {
                    row.rejected.add(Issue.rejected(line, "licence-without-holder", null));
                }
                yield new ParsedRow(line, holder, weapon, null, licence, null, null, null, warnings);
            }
            case LICENCES -> new ParsedRow(line, null, row.anyOf(Target.FIREARM_SERIAL) ? row.firearm(false) : null, null,
                    row.licence(), row.holder(), null, null, warnings);
            case TRANSFERS -> new ParsedRow(line, null, row.firearm(false), null, null, null, row.transfer(), null, warnings);
            case LOST_STOLEN -> new ParsedRow(line, null, row.firearm(false), null, null, null, null, row.report(), warnings);
        };
    }

    /** FNV-1a, 64 bits: a million rows collide with odds of about one in thirty million. */
    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static List<Issue> concat(List<Issue> a, List<Issue> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One row's values with the checks that turn them into records; problems go to {@code rejected}. */
    private final class Fields {
        final int line;
        final Map<Target, String> values;
        final List<Issue> rejected;
        final List<Issue> warnings;

        Fields(int line, Map<Target, String> values, List<Issue> rejected, List<Issue> warnings) {
            this.line = line;
            this.values = values;
            this.rejected = rejected;
            this.warnings = warnings;
        }

        boolean anyOf(Target... targets) {
            return Arrays.stream(targets).anyMatch(values::containsKey);
        }

        String column(Target t) {
            MappingProfile.Column c = columns.get(t);
            return c == null ? t.key() : c.header();
        }

        String text(Target t, int max, boolean required) {
            String v = values.get(t);
            if (v == null) {
                if (required) {
                    rejected.add(Issue.rejected(line, "value-required", column(t)));
                }
                return null;
            }
            if (v.length() > max) {
                rejected.add(Issue.rejected(line, "value-too-long", column(t), v.length(), max));
                return null;
            }
            return v;
        }

        LocalDate date(Target t, boolean required, LocalDate earliest, LocalDate latest) {
            String v = text(t, 40, required);
            if (v == null) {
                return null;
            }
            LocalDate d = Values.date(v, dates);
            if (d == null) {
                rejected.add(Issue.rejected(line, "date-invalid", column(t), v));
                return null;
            }
            if (d.isBefore(earliest) || d.isAfter(latest)) {
                rejected.add(Issue.rejected(line, "date-out-of-range", column(t), v, earliest, latest));
                return null;
            }
            return d;
        }

        Integer year(Target t) {
            String v = text(t, 10, false);
            if (v == null) {
                return null;
            }
            int now = LocalDate.now(ZoneOffset.UTC).getYear();
            try {
                int y = Integer.parseInt(v.strip());
                if (y >= 1800 && y <= now) {
                    return y;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            rejected.add(Issue.rejected(line, "year-invalid", column(t), v));
            return null;
        }

        <E extends Enum<E>> E choice(Target t, Class<E> type, boolean required, E fallback) {
            String v = text(t, 60, required && fallback == null);
            if (v == null) {
                return fallback;
            }
            String key = v.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_').replace('/', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(key)) {
                    return e;
                }
            }
            rejected.add(Issue.rejected(line, "value-unknown", column(t), v,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }

        String country(Target t) {
            String v = text(t, 60, false);
            if (v == null) {
                return null;
            }
            // The code, or the country's name in any of the three languages or an alias ("Kosova", "Deutschland").
            var known = reference.resolveCountry(v);
            if (known.isEmpty()) {
                warnings.add(Issue.warning(line, "country-unknown", column(t), v));
                return v;
            }
            return known.get().code();
        }

        String nationalId(Target t) {
            String v = text(t, 30, false);
            if (v == null) {
                return null;
            }
            String digits = v.replaceAll("[\\s\\-./]", "");
            if (!digits.matches("\\d{10,13}")) {
                rejected.add(Issue.rejected(line, "national-id-invalid", column(t), v));
                return null;
            }
            return digits;
        }

        String name(Target t, boolean required) {
            String v = text(t, MAX_NAME, required);
            if (v != null && Values.mixesScripts(v)) {
                warnings.add(Issue.warning(line, "name-mixed-scripts", column(t), v));
            }
            return v;
        }

        NewPerson person(boolean create) {
            String given = name(Target.PERSON_GIVEN_NAME, false);
            String family = name(Target.PERSON_FAMILY_NAME, false);
            String parent = name(Target.PERSON_PARENT_NAME, false);
            String full = name(Target.PERSON_FULL_NAME, false);
            if (full != null && (given == null || family == null)) {
                String[] split = splitFullName(full);
                given = given != null ? given : split[0];
                family = family != null ? family : split[1];
                parent = parent != null ? parent : split[2];
            }
            LocalDate born = date(Target.PERSON_BIRTH_DATE, false, LocalDate.of(1900, 1, 1), LocalDate.now(ZoneOffset.UTC));
            String place = text(Target.PERSON_BIRTH_PLACE, MAX_NAME, false);
            String nid = nationalId(Target.PERSON_NATIONAL_ID);
            if (given == null || given.isBlank() || family == null || family.isBlank()) {
                rejected.add(Issue.rejected(line, "person-name-required", column(Target.PERSON_FAMILY_NAME)));
                return null;
            }
            return create ? new NewPerson(given, family, parent, born, place, nid) : null;
        }

        /** given, family, parent from "Family (Parent) Given" or "Given (Parent) Family", as the profile says. */
        String[] splitFullName(String full) {
            String parent = null;
            String rest = full;
            var paren = Pattern.compile("\\(([^)]*)\\)").matcher(full);
            if (paren.find()) {
                parent = paren.group(1).strip();
                rest = (full.substring(0, paren.start()) + " " + full.substring(paren.end())).strip();
            }
            String[] words = rest.split("\\s+");
            if (words.length < 2) {
                return new String[]{null, null, parent};
            }
            if (profile.nameOrder() == MappingProfile.NameOrder.FAMILY_FIRST) {
                return new String[]{String.join(" ", Arrays.copyOfRange(words, 1, words.length)), words[0], parent};
            }
            return new String[]{String.join(" ", Arrays.copyOfRange(words, 0, words.length - 1)),
                    words[words.length - 1], parent};
        }

        NewFirearm firearm(boolean create) {
            String make = text(Target.FIREARM_MAKE, MAX_NAME, true);
            String serial = text(Target.FIREARM_SERIAL, SerialNumbers.MAX_LENGTH, true);
            String model = text(Target.FIREARM_MODEL, 60, false);
            if (serial != null && SerialNumbers.readableLength(SerialNumbers.normalise(serial)) == 0) {
                rejected.add(Issue.rejected(line, "serial-unreadable", column(Target.FIREARM_SERIAL), serial));
            }
            var maker = make == null ? Optional.<Manufacturer>empty()
                    : reference.resolveManufacturer(make);
            if (make != null && maker.isEmpty()) {
                warnings.add(Issue.warning(line, "make-unknown", column(Target.FIREARM_MAKE), make));
            }
            // Only for a maker whose models the reference data lists: of the others it knows no model, and a
            // warning on every row of their weapons would bury the report.
            if (model != null && maker.isPresent() && !reference.models(maker.get().code()).isEmpty()
                    && reference.resolveModel(maker.get().code(), model).isEmpty()) {
                warnings.add(Issue.warning(line, "model-unknown", column(Target.FIREARM_MODEL), model, maker.get().name()));
            }
            if (!create) {
                return make == null || serial == null ? null : new NewFirearm(null, make, model, null, serial, null, null, null);
            }
            String type = text(Target.FIREARM_TYPE, 60, false);
            String calibre = text(Target.FIREARM_CALIBRE, 60, false);
            if (calibre != null && reference.resolveCalibre(calibre).isEmpty()) {
                warnings.add(Issue.warning(line, "calibre-unknown", column(Target.FIREARM_CALIBRE), calibre));
            }
            String country = country(Target.FIREARM_COUNTRY);
            Integer year = year(Target.FIREARM_YEAR);
            var markings = new ArrayList<NewFirearm.NewMarking>();
            String importMark = text(Target.FIREARM_IMPORT_MARK, MAX_TEXT, false);
            String importCountry = country(Target.FIREARM_IMPORT_COUNTRY);
            Integer importYear = year(Target.FIREARM_IMPORT_YEAR);
            if (importMark != null || importCountry != null || importYear != null) {
                markings.add(new NewFirearm.NewMarking(NewFirearm.MarkingKind.IMPORT,
                        importMark != null ? importMark : "", null, importCountry, importYear));
            }
            String other = text(Target.FIREARM_OTHER_MARK, MAX_TEXT, false);
            if (other != null) {
                markings.add(new NewFirearm.NewMarking(NewFirearm.MarkingKind.OTHER, other, null, null, null));
            }
            if (make == null || serial == null) {
                return null;
            }
            return new NewFirearm(type, make, model, calibre, serial, country, year, markings);
        }

        ImportedRecords.NewOrganisation organisation() {
            String code = text(Target.ORGANISATION_CODE, 40, true);
            String name = text(Target.ORGANISATION_NAME, MAX_TEXT, true);
            Holdings.OrganisationKind fallback = profile.organisationKind() == null ? Holdings.OrganisationKind.DEALER
                    : Holdings.OrganisationKind.valueOf(profile.organisationKind());
            Holdings.OrganisationKind kind = choice(Target.ORGANISATION_KIND, Holdings.OrganisationKind.class, false, fallback);
            if (kind == Holdings.OrganisationKind.MANUFACTURER) {
                rejected.add(Issue.rejected(line, "organisation-manufacturer", column(Target.ORGANISATION_KIND)));
                return null;
            }
            String country = country(Target.ORGANISATION_COUNTRY);
            if (code != null && ReferenceKeys.key(code).isEmpty()) {
                rejected.add(Issue.rejected(line, "value-required", column(Target.ORGANISATION_CODE)));
                return null;
            }
            return code == null || name == null || kind == null ? null
                    : new ImportedRecords.NewOrganisation(kind, code, name, country != null && country.length() == 2 ? country : null);
        }

        ParsedRow.LicencePart licence() {
            String number = text(Target.LICENCE_NUMBER, 40, true);
            if (number != null && ReferenceKeys.key(number).length() < 3) {
                rejected.add(Issue.rejected(line, "licence-number-invalid", column(Target.LICENCE_NUMBER), number));
            }
            Licence.Kind kind = choice(Target.LICENCE_KIND, Licence.Kind.class, false, Licence.Kind.POSSESSION);
            String issuedBy = text(Target.LICENCE_ISSUED_BY, MAX_TEXT, false);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate from = date(Target.LICENCE_VALID_FROM, false, LocalDate.of(1945, 1, 1), today.plusDays(1));
            LocalDate to = date(Target.LICENCE_VALID_TO, false, LocalDate.of(1945, 1, 1), today.plusYears(50));
            if (from != null && to != null && to.isBefore(from)) {
                rejected.add(Issue.rejected(line, "licence-expires-before-issue", column(Target.LICENCE_VALID_TO), from, to));
            }
            Licence.Status status = choice(Target.LICENCE_STATUS, Licence.Status.class, false, Licence.Status.ACTIVE);
            LocalDate statusDate = date(Target.LICENCE_STATUS_DATE, false, LocalDate.of(1945, 1, 1), today.plusDays(1));
            return number == null ? null : new ParsedRow.LicencePart(number, kind, issuedBy, from, to, status, statusDate);
        }

        ParsedRow.HolderRef holder() {
            String nid = nationalId(Target.HOLDER_NATIONAL_ID);
            String code = text(Target.HOLDER_CODE, 40, false);
            if (nid == null && (code == null || ReferenceKeys.key(code).isEmpty())) {
                rejected.add(Issue.rejected(line, "holder-required", column(Target.HOLDER_NATIONAL_ID)));
                return null;
            }
            return new ParsedRow.HolderRef(nid == null ? null : ReferenceKeys.key(nid),
                    code == null ? null : ReferenceKeys.key(code));
        }

        ParsedRow.TransferPart transfer() {
            Transfer.Kind kind = choice(Target.TRANSFER_KIND, Transfer.Kind.class, true, null);
            LocalDate date = date(Target.TRANSFER_DATE, true, LocalDate.of(1900, 1, 1), LocalDate.now(ZoneOffset.UTC).plusDays(1));
            String reference = text(Target.TRANSFER_REFERENCE, MAX_TEXT, false);
            String from = text(Target.TRANSFER_FROM, 60, false);
            String to = text(Target.TRANSFER_TO, 60, false);
            String licence = text(Target.TRANSFER_LICENCE, 40, false);
            return kind == null || date == null ? null : new ParsedRow.TransferPart(kind, date, reference, from, to, licence);
        }

        ParsedRow.ReportPart report() {
            LostStolenReport.Kind kind = choice(Target.REPORT_KIND, LostStolenReport.Kind.class, true, null);
            LocalDate on = date(Target.REPORT_DATE, false, LocalDate.of(1900, 1, 1), LocalDate.now(ZoneOffset.UTC).plusDays(1));
            String place = text(Target.REPORT_PLACE, MAX_TEXT, false);
            String reference = text(Target.REPORT_REFERENCE, MAX_TEXT, false);
            return kind == null ? null : new ParsedRow.ReportPart(kind, on, place, reference);
        }
    }
}
