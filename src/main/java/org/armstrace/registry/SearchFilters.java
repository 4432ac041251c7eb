package org.armstrace.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The make, type and calibre a serial search is narrowed to, as reference data knows them, and
 * what each hit should say about them. What was typed is never a reason to refuse the search: a
 * make is matched tolerantly against makers' names and aliases ("Zastva", "Zastava Arms"), and a
 * make, type or calibre that matches nothing is left out (the search then covers all of them) with
 * a note in every hit's reasons. A registry extract and an officer's notes write makes that
 * reference data does not have (the importer keeps them as written), and refusing those queries
 * lost 3.8 % of field queries (issue 26).
 */
record SearchFilters(Optional<Manufacturer> make, Optional<FirearmType> type, Optional<Calibre> calibre,
                     List<MatchReason> reasons) {

    static SearchFilters of(SerialQuery query, ReferenceData reference) {
        var reasons = new ArrayList<MatchReason>();
        Optional<Manufacturer> make = SerialSearch.optional(query.make()).flatMap(typed -> {
            Optional<Manufacturer> known = reference.resolveManufacturer(typed);
            if (known.isPresent()) {
                reasons.add(MatchReason.of("make-matches", known.get().name()));
                return known;
            }
            Optional<Manufacturer> close = reference.closestManufacturer(typed);
            reasons.add(close.map(m -> MatchReason.of("make-close", typed.strip(), m.name()))
                    .orElseGet(() -> MatchReason.of("make-unknown", typed.strip())));
            return close;
        });
        Optional<FirearmType> type = SerialSearch.optional(query.type()).flatMap(typed -> {
            Optional<FirearmType> known = reference.resolveFirearmType(typed);
            reasons.add(known.isPresent() ? MatchReason.of("type-matches") : MatchReason.of("type-unknown", typed.strip()));
            return known;
        });
        Optional<Calibre> calibre = SerialSearch.optional(query.calibre()).flatMap(typed -> {
            Optional<Calibre> known = reference.resolveCalibre(typed);
            reasons.add(known.map(c -> MatchReason.of("calibre-matches", c.name()))
                    .orElseGet(() -> MatchReason.of("calibre-unknown", typed.strip())));
            return known;
        });
        return new SearchFilters(make, type, calibre, reasons);
    }

    SearchFilters {
        reasons = List.copyOf(reasons);
    }

    /** The filters also scope the weapons' index queries, so that candidates are weapons of that kind only. */
    String scope() {
        return clause("makeCode", make.map(Manufacturer::code).orElse(null)) + kindScope();
    }

    /** The type and calibre part of {@link #scope()}: for the indexes whose keys carry the maker already. */
    String kindScope() {
        return clause("typeCode", type.map(FirearmType::code).orElse(null))
                + clause("calibreCode", calibre.map(Calibre::code).orElse(null));
    }

    /** The code of the make asked for when search keys can be scoped to it ({@link SerialNumbers#scoped}), else null. */
    String scopingMake() {
        return make.map(Manufacturer::code).filter(SerialNumbers::isScope).orElse(null);
    }

    /** Whether the weapon is of the make, type and calibre asked for (the index scope may have left codes out). */
    boolean admit(String makeCode, String typeCode, String calibreCode) {
        return !(make.isPresent() && !make.get().code().equals(makeCode)
                || type.isPresent() && !type.get().code().equals(typeCode)
                || calibre.isPresent() && !calibre.get().code().equals(calibreCode));
    }

    /** A required Lucene term for a reference code; codes outside [A-Z0-9_] are left to the filter after the query. */
    private static String clause(String field, String code) {
        return code != null && code.matches("[A-Z0-9_]+") ? "+" + field + ":" + code + " " : "";
    }
}
