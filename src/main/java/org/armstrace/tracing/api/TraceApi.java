package org.armstrace.tracing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.api.ApiNotFound;
import org.armstrace.tracing.PointOfDiversion;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceStatus;
import org.armstrace.tracing.Submissions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API v1 for partner jurisdictions: send a trace request, follow its status, list your own.
 * A partner token is scoped to its country; another country's request does not exist for it.
 */
@RestController
@RequestMapping(path = "/api/v1/trace-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trace requests", description = "Tracing requests from partner jurisdictions (UN International Tracing Instrument)")
@SecurityRequirement(name = "bearer")
class TraceApi {

    record WeaponJson(String type, String make, String model, String calibre, String serial,
                      String countryOfManufacture) {
    }

    /** A request as a partner sends it: the weapon's identification and what the ITI requires (the documented shape). */
    record TraceRequestJson(String partnerReference, Priority priority, WeaponJson weapon, String whyIllicit,
                            String legalBasis, String intendedUse, String circumstances, List<PersonJson> people) {
    }

    /**
     * A person the request names (a possessor, a suspect; at most 20). Each is matched against the
     * registry's people: a sure match is linked, an unsure one goes to an analyst's review.
     */
    record PersonJson(String givenName, String familyName, String parentName, LocalDate birthDate, String birthPlace,
                      String nationalId) {
    }

    /**
     * What a partner sees of its request: its status, the reason where the ITI requires one
     * (delayed, restricted, refused), and the answer once it has been approved and sent.
     */
    record TraceStatusJson(String number, TraceStatus status, Priority priority, String partnerReference,
                           Instant receivedAt, Instant dueAt, String reason, AnswerJson answer) {
        static TraceStatusJson of(TraceRequest t) {
            return of(new TraceAnswers.PartnerView(t, null, null));
        }

        static TraceStatusJson of(TraceAnswers.PartnerView v) {
            TraceRequest t = v.request();
            return new TraceStatusJson(t.number(), t.status(), t.priority(), t.partnerReference(), t.receivedAt(),
                    t.dueAt(), v.reason(), v.answer() == null ? null : AnswerJson.of(v.answer()));
        }
    }

    /** Our answer: what the trace found and, if it was established, where the weapon left legal control. */
    record AnswerJson(TraceAnswer.Outcome outcome, String findings, Instant answeredAt, DiversionJson pointOfDiversion) {
        static AnswerJson of(TraceAnswer a) {
            PointOfDiversion p = a.diversion();
            return new AnswerJson(a.outcome(), a.findings(), a.approvedAt(), p == null ? null
                    : new DiversionJson(p.country(), p.date(), p.method(), p.place(), p.details()));
        }
    }

    record DiversionJson(String country, LocalDate date, PointOfDiversion.Method method, String place,
                         String details) {
    }

    private final TraceIntake traces;
    private final TraceAnswers answers;
    private final Submissions submissions;

    TraceApi(TraceIntake traces, TraceAnswers answers, Submissions submissions) {
        this.traces = traces;
        this.answers = answers;
        this.submissions = submissions;
    }

    @Operation(summary = "Send a trace request",
            description = "Validated against the ITI (weapon make and serial, why it is considered illicit, legal basis, "
                    + "intended use), numbered, acknowledged and assigned. Retries with the same Idempotency-Key "
                    + "return the first request; the same key with a different body is refused (409). Every body "
                    + "received is kept as sent, with its SHA-256 and its outcome; see GET /api/v1/submissions.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TraceRequestJson.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('PARTNER')")
    ResponseEntity<TraceStatusJson> create(@RequestBody(required = false) byte[] body,
                                           @Parameter(description = "A key of 8–128 characters that makes retries safe")
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        // Read from the bytes by the service, which keeps them as received whatever the outcome.
        TraceRequest created = submissions.receiveApi(body, key);
        return ResponseEntity.created(URI.create("/api/v1/trace-requests/" + created.number()))
                .body(TraceStatusJson.of(created));
    }

    @Operation(summary = "The status of one of your requests, with the reason or the answer when there is one")
    @GetMapping("/{number}")
    @PreAuthorize("hasRole('PARTNER')")
    TraceStatusJson get(@PathVariable String number) {
        return answers.forPartner(number).map(TraceStatusJson::of)
                .orElseThrow(() -> new ApiNotFound("No trace request " + number + " of yours."));
    }

    @Operation(summary = "Your requests, newest first")
    @GetMapping
    @PreAuthorize("hasRole('PARTNER')")
    List<TraceStatusJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be ≥ 0 and size between 1 and 200.");
        }
        return traces.partnerRequests(page * size, size).stream().map(TraceStatusJson::of).toList();
    }
}
