package org.armstrace.registry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import org.armstrace.base.Translations;
import org.armstrace.api.ApiNotFound;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.PersonHit;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.SerialHit;
import org.armstrace.registry.SerialQuery;
import org.armstrace.registry.SerialSearch;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API v1 of the registry: the same search engine, ranking and reasons as the UI. Partner
 * tokens are refused: partners see their own trace requests, not the national registry.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Registry", description = "Firearms and people in the national registry")
@SecurityRequirement(name = "bearer")
class RegistryApi {

    private static final String STAFF = "hasAnyRole('SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')";

    record MarkingJson(String kind, String text, String position, String country, Integer year) {
    }

    /** What people read for the codes beside them, in English ({@code SMITH_WESSON} is "Smith & Wesson"). */
    record NamesJson(String type, String make, String calibre, String countryOfManufacture) {
        static NamesJson of(Firearm f, ReferenceData reference) {
            return new NamesJson(reference.typeName(f.typeCode(), Locale.ENGLISH),
                    reference.makeName(f.makeCode(), f.makeAsRead()), reference.calibreName(f.calibreCode()),
                    reference.countryName(f.countryOfManufacture(), Locale.ENGLISH));
        }
    }

    /** Codes for machines (type, make, calibre, countryOfManufacture); their names in {@code names}. */
    record FirearmJson(String id, String type, String make, String makeAsRead, String model, String calibre,
                       String serialAsRead, String serialKey, String countryOfManufacture, Integer year,
                       List<MarkingJson> markings, int version, String source, String confidence, Instant recordedAt,
                       NamesJson names) {
        static FirearmJson of(Firearm f, ReferenceData reference) {
            return new FirearmJson(f.id(), f.typeCode(), f.makeCode(), f.makeAsRead(), f.model(), f.calibreCode(),
                    f.serialAsRead(), f.serialKey(), f.countryOfManufacture(), f.year(),
                    f.markings().stream().map(m -> new MarkingJson(m.kind(), m.text(), m.position(), m.country(), m.year()))
                            .toList(), f.version(), f.source(), f.confidence(), f.recordedAt(), NamesJson.of(f, reference));
        }
    }

    /**
     * @param reasons       why it was found, in words, in the language asked for (Accept-Language:
     *                      sq, sr-Latn; English otherwise)
     * @param reasonCodes   the same reasons as machine codes with their arguments
     * @param matchedMarking the marking that matched what was read, when not the serial
     */
    record FirearmHitJson(FirearmJson firearm, double score, List<String> reasons, List<ReasonJson> reasonCodes,
                          List<String> flags, MarkingJson matchedMarking) {
    }

    record ReasonJson(String code, List<String> args) {
    }

    record AlertJson(String kind, String reportId, String reportedFirearmId, String reportedSerial, boolean direct,
                     LocalDate occurredOn, List<String> reasons) {
    }

    record FirearmDetailJson(FirearmJson firearm, List<AlertJson> alerts) {
    }

    record PersonJson(String id, String givenName, String familyName, String parentName, String nameLatin,
                      LocalDate birthDate, String birthPlace) {
    }

    record PersonHitJson(PersonJson person, double score, List<String> reasons) {
    }

    private final SerialSearch search;
    private final FirearmRegistry firearms;
    private final LostStolenRegister lostStolen;
    private final PersonRegistry people;
    private final ReferenceData reference;

    RegistryApi(SerialSearch search, FirearmRegistry firearms, LostStolenRegister lostStolen, PersonRegistry people,
                ReferenceData reference) {
        this.reference = reference;
        this.search = search;
        this.firearms = firearms;
        this.lostStolen = lostStolen;
        this.people = people;
    }

    @GetMapping("/firearms")
    @PreAuthorize(STAFF)
    @Operation(summary = "Search firearms by serial",
            description = "Exact, partial (? for one unreadable character, * for any number) and fuzzy "
                    + "(confusions such as O/0, dropped, doubled and swapped characters, Cyrillic look-alikes), "
                    + "over serials and markings (import marks, arsenal and assembly numbers). A make, type or "
                    + "calibre not in the reference data is not refused: a misspelt make is taken for the "
                    + "closest maker, otherwise it is ignored with a note in the reasons. Ranked, with reasons "
                    + "in the Accept-Language language (English by default) and as machine codes; flags name "
                    + "active lost/stolen reports.")
    List<FirearmHitJson> searchFirearms(
            @Parameter(description = "Serial as read") @RequestParam String serial,
            @Parameter(description = "Make as read; matched tolerantly, never refused") @RequestParam(required = false) String make,
            @Parameter(description = "Firearm type, any known spelling") @RequestParam(required = false) String type,
            @Parameter(description = "Calibre, any known spelling") @RequestParam(required = false) String calibre,
            @Parameter(description = "Model as read: ranks equally close serials, not a filter") @RequestParam(required = false) String model,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "TOLERANT (default) or EXACT") @RequestParam(defaultValue = "TOLERANT") SerialQuery.Mode mode,
            HttpServletRequest request) {
        Locale language = language(request);
        return search.search(new SerialQuery(serial, make, type, calibre, limit, mode, model)).stream()
                .map(h -> hit(h, language)).toList();
    }

    @GetMapping("/firearms/{id}")
    @PreAuthorize(STAFF)
    @Operation(summary = "One firearm with its markings and active lost/stolen alerts")
    FirearmDetailJson firearm(@PathVariable String id, HttpServletRequest request) {
        if (id.length() > 64) {
            throw new ApiNotFound("No firearm with this id.");
        }
        Firearm f = firearms.find(id).orElseThrow(() -> new ApiNotFound("No firearm with this id."));
        return new FirearmDetailJson(FirearmJson.of(f, reference), lostStolen.alerts(id).stream()
                .map(a -> new AlertJson(a.report().kind().name(), a.report().id(), a.reportedFirearmId(),
                        a.reportedSerial(), a.direct(), a.report().occurredOn(),
                        MatchReason.texts(a.reasons(), language(request))))
                .toList());
    }

    @GetMapping("/people")
    @Operation(summary = "Search people by name (any script or spelling), personal number or licence number",
            description = "Personal data: for supervisor, analyst and intake tokens only. Every search is audited.")
    List<PersonHitJson> searchPeople(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        return people.search(q, limit).stream().map(RegistryApi::person).toList();
    }

    private FirearmHitJson hit(SerialHit h, Locale language) {
        Firearm.Marking m = h.marking();
        return new FirearmHitJson(FirearmJson.of(h.firearm(), reference), h.score(), h.reasonTexts(language),
                h.reasons().stream().map(r -> new ReasonJson(r.code(), r.args())).toList(), h.flags(),
                m == null ? null : new MarkingJson(m.kind(), m.text(), m.position(), m.country(), m.year()));
    }

    /** English, the API's language, unless the client asks for Albanian or Serbian. */
    private static Locale language(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Translations.ENGLISH
                : Translations.supported(request.getLocale());
    }

    private static PersonHitJson person(PersonHit h) {
        var p = h.person();
        return new PersonHitJson(new PersonJson(p.id(), p.givenName(), p.familyName(), p.parentName(), p.nameLatin(),
                p.birthDate(), p.birthPlace()), h.score(), h.reasons());
    }
}
