package org.armstrace.tracing;

import java.util.List;
import java.util.Optional;
import org.armstrace.base.Translations;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PartnerScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every partner submission is kept as received, accepted or refused: API bodies, uploaded
 * workbooks ({@link WorkbookIntake}) and requests typed in at the desk, each with its SHA-256, its
 * time, who sent it (an API token by name, never its secret, or the signed-in user) and its outcome;
 * a refused one with its problems. A partner lists its own; intake officers see all of them and
 * turn a refused one, corrected, into a request, and the link is kept both ways. Nothing received
 * is ever deleted: there is no delete here, nor anywhere else, for {@code :Submission}.
 */
@Service
public class Submissions {

    private static final String JSON = "application/json";

    private final TraceIntake intake;
    private final SubmissionStore store;
    private final Translations translations;
    private final JsonMapper json;
    private final AuditLog audit;

    Submissions(TraceIntake intake, SubmissionStore store, Translations translations, JsonMapper json, AuditLog audit) {
        this.intake = intake;
        this.store = store;
        this.translations = translations;
        this.json = json;
        this.audit = audit;
    }

    /**
     * A partner's API body, taken in as {@link TraceIntake#receive} does and kept whatever the
     * outcome; a refusal is kept with its problem and then thrown on, for the API to answer with.
     */
    @PreAuthorize("hasRole('PARTNER')")
    public TraceRequest receiveApi(byte[] body, String idempotencyKey) {
        String country = PartnerScope.country().orElseThrow(() -> new TransitionRefused("trace.not-your-country"));
        TraceRequest created;
        try {
            SubmittedRequest submitted = SubmittedRequest.parse(json, body);
            created = intake.receive(submitted.toRequest(country, NewTraceRequest.Channel.API, idempotencyKey),
                    submitted.named());
        } catch (RuntimeException refused) {
            store.keep(NewTraceRequest.Channel.API, body, JSON, null, country, problems(refused), List.of());
            throw refused;
        }
        store.keep(NewTraceRequest.Channel.API, body, JSON, null, country, List.of(), List.of(created.id()));
        return created;
    }

    /** A request typed in at the desk from a partner's letter, kept (as JSON) whatever the outcome. */
    @PreAuthorize(TraceRequests.DESK)
    public TraceRequest receiveTyped(NewTraceRequest request) {
        byte[] typed = json.writeValueAsBytes(SubmittedRequest.of(request));
        TraceRequest created;
        try {
            created = intake.receive(request);
        } catch (RuntimeException refused) {
            store.keep(NewTraceRequest.Channel.MANUAL, typed, JSON, null, request.counterpart(), problems(refused),
                    List.of());
            throw refused;
        }
        store.keep(NewTraceRequest.Channel.MANUAL, typed, JSON, null, request.counterpart(), List.of(),
                List.of(created.id()));
        return created;
    }

    /** The calling partner's own API submissions, newest first; another country's do not exist for it. */
    @PreAuthorize("hasRole('PARTNER')")
    @Transactional(readOnly = true)
    public List<Submission> partnerSubmissions(Submission.Outcome outcome, int offset, int limit) {
        String country = PartnerScope.country().orElseThrow(() -> new TransitionRefused("trace.not-your-country"));
        return store.page(outcome, country, NewTraceRequest.Channel.API, offset, limit);
    }

    /** Every submission, newest first, for the intake desk; a null outcome lists both. */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<Submission> page(Submission.Outcome outcome, int offset, int limit) {
        return store.page(outcome, null, null, offset, limit);
    }

    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public long count(Submission.Outcome outcome) {
        return store.count(outcome, null, null);
    }

    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public Optional<Submission> find(String id) {
        return store.find(id);
    }

    /** The bytes exactly as received (checked against the hash). */
    @PreAuthorize(TraceRequests.DESK)
    public byte[] content(Submission submission) {
        return store.content(submission);
    }

    /**
     * What a JSON submission (API, typed) asked for, read as leniently as it can be, for the
     * intake officer to correct; empty for a workbook or a body that is not JSON of the shape.
     */
    @PreAuthorize(TraceRequests.DESK)
    public Optional<NewTraceRequest> asReceived(Submission s) {
        if (s.channel() == NewTraceRequest.Channel.WORKBOOK) {
            return Optional.empty();
        }
        try {
            SubmittedRequest read = SubmittedRequest.parse(json, store.content(s));
            String country = s.country() != null && s.country().matches("[A-Z]{2}") ? s.country() : null;
            return Optional.of(lenient(read, country));
        } catch (TransitionRefused unreadable) {
            return Optional.empty();
        }
    }

    /**
     * An intake officer turns a refused submission, corrected, into a request: received as any
     * request is (checked, numbered, assigned), and linked {@code (:Submission)-[:BECAME]->(:TraceRequest)}
     * with the request naming its submission. The submission itself stays as it was received.
     */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional
    public TraceRequest convert(String submissionId, NewTraceRequest corrected) {
        Submission s = store.find(submissionId).orElseThrow(() -> new TransitionRefused("submission.not-found"));
        if (s.outcome() != Submission.Outcome.REFUSED) {
            throw new TransitionRefused("submission.not-refused");
        }
        TraceRequest created = intake.receive(new NewTraceRequest(Direction.INCOMING, corrected.counterpart(),
                corrected.partnerReference(), corrected.priority(), corrected.weaponType(), corrected.weaponMake(),
                corrected.weaponModel(), corrected.weaponCalibre(), corrected.weaponSerial(), corrected.weaponCountry(),
                corrected.whyIllicit(), corrected.legalBasis(), corrected.intendedUse(), corrected.circumstances(),
                s.channel(), null, null));
        String by = AuditLog.currentActor();
        store.linkConverted(s.id(), created.id(), by);
        audit.record("trace.submission-converted", List.of("Submission:" + s.id(), "TraceRequest:" + created.id()),
                "refused " + s.channel() + " submission " + s.sha256().substring(0, 12) + " became " + created.number());
        return created;
    }

    /** A stored body read back: text the constructor would refuse is dropped, for the officer to type again. */
    private static NewTraceRequest lenient(SubmittedRequest r, String country) {
        try {
            return r.toRequest(country, NewTraceRequest.Channel.MANUAL, null);
        } catch (TransitionRefused badText) {
            return new NewTraceRequest(Direction.INCOMING, country, null, r.priority(), null, null, null, null, null,
                    null, null, null, null, null, NewTraceRequest.Channel.MANUAL, null, null);
        }
    }

    /** Why it was refused, as the API said it (English) and as a translation key for the page. */
    private List<Submission.Problem> problems(RuntimeException refused) {
        return switch (refused) {
            case ItiContentMissing m -> List.of(new Submission.Problem(String.join(", ", m.fields()), "trace.iti-missing",
                    m.fields(), "The request lacks what the International Tracing Instrument requires: "
                    + String.join(", ", m.fields()) + "."));
            case TransitionRefused r -> List.of(new Submission.Problem(null, r.getMessage(), List.of(),
                    translations.getTranslation(r.getMessage(), Translations.ENGLISH)));
            default -> List.of(new Submission.Problem(null, "submission.failed", List.of(),
                    "The request could not be completed; it has been logged."));
        };
    }
}
