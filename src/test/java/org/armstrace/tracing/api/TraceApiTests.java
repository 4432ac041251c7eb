package org.armstrace.tracing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.api.ApiTokenService;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceAnswersTests;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

@ArmsTraceTest
class TraceApiTests {

    @Autowired
    SslBundles ssl;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserAccountService users;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    TraceRequests traces;
    @Autowired
    TraceQueues traceQueues;
    @Autowired
    TraceAnswers answers;

    private String partner(String country) {
        return api().token(country);
    }

    static String body(String serial) {
        return """
                {"partnerReference": "AL-2026-0415", "priority": "URGENT",
                 "weapon": {"type": "pistol", "make": "Zastava", "model": "M70", "calibre": "7.65 Browning",
                            "serial": "%s", "countryOfManufacture": "RS"},
                 "whyIllicit": "Found without a licence in a car at the Morinë crossing",
                 "legalBasis": "Criminal Procedure Code art. 208",
                 "intendedUse": "Criminal proceedings against the possessor",
                 "circumstances": "Border check"}
                """.formatted(serial);
    }

    private HttpResponse<String> post(String token, String json, String key) throws Exception {
        return api().post(token, json, key);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return api().get(token, path);
    }

    private PartnerApi api() {
        return new PartnerApi(port, ssl, tokens);
    }

    private static String number(HttpResponse<String> response) {
        return response.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1").strip();
    }

    @Test
    void a_partner_sends_a_request_and_follows_its_status_but_never_sees_another_countrys() throws Exception {
        String albania = partner("AL");
        String montenegro = partner("ME");

        var created = post(albania, body("API-T-" + UUID.randomUUID().toString().substring(0, 5)), null);

        assertThat(created.statusCode()).isEqualTo(201);
        String number = number(created);
        assertThat(number).matches("XK-IN-\\d{4}-\\d{6}");
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/trace-requests/" + number);
        assertThat(get(albania, "/api/v1/trace-requests/" + number).body()).contains("\"status\":\"A");
        assertThat(get(albania, "/api/v1/trace-requests").body()).contains(number);

        var foreign = get(montenegro, "/api/v1/trace-requests/" + number);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("urn:armstrace:problem:not-found").doesNotContain("Zastava");
        assertThat(get(montenegro, "/api/v1/trace-requests").body()).doesNotContain(number);
        assertThat(neo4j.query("""
                        MATCH (e:AuditEvent {action: 'trace.partner-denied'}) WHERE e.details CONTAINS $number
                        RETURN count(e)""").bind(number).to("number").fetchAs(Long.class).one()).contains(1L);
    }

    @Test
    void a_retry_with_the_same_key_answers_the_same_request_and_another_body_under_that_key_is_a_conflict()
            throws Exception {
        String albania = partner("AL");
        String key = "retry-" + UUID.randomUUID();
        String json = body("API-R-" + UUID.randomUUID().toString().substring(0, 5));

        var first = post(albania, json, key);
        var again = post(albania, json, key);
        var different = post(albania, body("OTHER-1"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(number(again)).isEqualTo(number(first));
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.body()).contains("idempotency-conflict");
    }

    @Test
    void bad_bodies_get_a_problem_and_store_nothing() throws Exception {
        String albania = partner("AL");
        long before = neo4j.query("MATCH (t:TraceRequest) RETURN count(t)").fetchAs(Long.class).one().orElseThrow();

        var malformed = post(albania, "{\"weapon\": {", null);
        var wrongType = post(albania, body("X-1").replace("\"URGENT\"", "42").replace("\"priority\": 42",
                "\"priority\": \"WHENEVER\""), null);
        var missing = post(albania, """
                {"weapon": {"make": "Zastava"}, "legalBasis": "x"}""", null);
        var unknownCountry = post(partner("QQ"), body("X-2"), null);
        var tooLarge = post(albania, "{\"circumstances\": \"" + "x".repeat(1_500_000) + "\"}", null);
        var asAnalyst = post(Actors.admin(() -> tokens.create("analyst " + System.nanoTime(),
                Role.ANALYST, 100)).secret(), body("X-3"), null);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed-body");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("missing-iti-content", "weapon.serial", "whyIllicit", "intendedUse");
        assertThat(unknownCountry.statusCode()).isEqualTo(400);
        assertThat(unknownCountry.body()).contains("unknown-country");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(asAnalyst.statusCode()).isEqualTo(403);
        for (var r : List.of(malformed, wrongType, missing, unknownCountry, tooLarge, asAnalyst)) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        }
        assertThat(neo4j.query("MATCH (t:TraceRequest) RETURN count(t)").fetchAs(Long.class).one().orElseThrow())
                .isEqualTo(before);
        Assertions.assertThatThrownBy(() -> Actors.admin(() -> tokens.create(
                "partner without a country", Role.PARTNER, 10, null))).hasMessageContaining("country code");
    }

    @Test
    void the_partner_reads_the_answer_once_it_is_approved_and_sent_and_the_reason_of_a_refusal() throws Exception {
        // Its own analyst: assignment needs one, and which tests ran before this one is no guarantee.
        Actors.admin(() -> users.create("api-analyst-" + UUID.randomUUID().toString().substring(0, 8),
                "API analyst", EnumSet.of(Role.ANALYST)));
        String albania = partner("AL");
        String answered = number(post(albania, body("API-A-" + UUID.randomUUID().toString().substring(0, 5)), null));
        String refused = number(post(albania, body("API-F-" + UUID.randomUUID().toString().substring(0, 5)), null));
        String id = neo4j.query("MATCH (t:TraceRequest {number: $n}) RETURN t.id").bind(answered).to("n")
                .fetchAs(String.class).one().orElseThrow();
        String refusedId = neo4j.query("MATCH (t:TraceRequest {number: $n}) RETURN t.id").bind(refused).to("n")
                .fetchAs(String.class).one().orElseThrow();
        Actors.supervisor("sup-api", () -> {
            if (traces.find(id).orElseThrow().status() == TraceStatus.ACKNOWLEDGED) {
                traceQueues.assign(id, traceQueues.analysts().getFirst(), null);
            }
            traces.transition(id, TraceStatus.IN_PROGRESS, null);
            return answers.draft(id, TraceAnswersTests.TRACED);
        });
        assertThat(get(albania, "/api/v1/trace-requests/" + answered).body()).contains("\"answer\":null");
        Actors.supervisor("sup-api-2", () -> traces.approve(id, 1, null));
        Actors.supervisor("sup-api", () -> traces.transition(id, TraceStatus.ANSWERED, null));
        Actors.supervisor("sup-api", () -> traces.transition(refusedId, TraceStatus.REFUSED,
                "The weapon is subject to a pending national investigation"));

        String body = get(albania, "/api/v1/trace-requests/" + answered).body();
        assertThat(body).contains("\"status\":\"ANSWERED\"", "\"outcome\":\"TRACED\"", "reported stolen in 2019",
                "\"method\":\"THEFT\"", "\"date\":\"2019-03-02\"");
        assertThat(get(albania, "/api/v1/trace-requests/" + refused).body())
                .contains("\"status\":\"REFUSED\"", "pending national investigation");
        assertThat(get(partner("ME"), "/api/v1/trace-requests/" + answered).statusCode()).isEqualTo(404);
    }
}
