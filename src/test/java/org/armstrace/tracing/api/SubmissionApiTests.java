package org.armstrace.tracing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.api.ApiTokenService;
import org.armstrace.base.Sha256;
import org.armstrace.tracing.Submission;
import org.armstrace.tracing.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

@ArmsTraceTest
class SubmissionApiTests {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    Submissions submissions;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    SslBundles ssl;

    private String partner(String country) {
        return api().token(country);
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return api().post(token, json, null);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return api().get(token, path);
    }

    private PartnerApi api() {
        return new PartnerApi(port, ssl, tokens);
    }

    private Submission kept(String json) {
        String id = neo4j.query("MATCH (s:Submission {sha256: $sha}) RETURN s.id LIMIT 1")
                .bind(Sha256.hex(json)).to("sha").fetchAs(String.class).one().orElseThrow();
        return Actors.intake(() -> submissions.find(id)).orElseThrow();
    }

    @Test
    void a_refused_body_is_kept_with_its_problems_and_hash_and_listed_to_its_partner_and_no_other() throws Exception {
        String albania = partner("AL");
        String missing = "{\"weapon\": {\"make\": \"Zastava\"}, \"legalBasis\": \"" + UUID.randomUUID() + "\"}";
        String malformed = "{\"weapon\": {\"make\": \"" + UUID.randomUUID() + "\"";

        assertThat(post(albania, missing).statusCode()).isEqualTo(422);
        assertThat(post(albania, malformed).statusCode()).isEqualTo(400);

        Submission refused = kept(missing);
        assertThat(refused.outcome()).isEqualTo(Submission.Outcome.REFUSED);
        assertThat(refused.channel()).isEqualTo(org.armstrace.tracing.NewTraceRequest.Channel.API);
        assertThat(refused.country()).isEqualTo("AL");
        assertThat(refused.by()).startsWith("token:partner AL");
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("trace.iti-missing");
            assertThat(p.args()).contains("weapon.serial", "whyIllicit", "intendedUse");
        });
        assertThat(Actors.intake(() -> submissions.content(refused))).isEqualTo(missing.getBytes(StandardCharsets.UTF_8));
        assertThat(kept(malformed).problems()).extracting(Submission.Problem::code).containsExactly("trace.malformed-body");

        var listed = get(albania, "/api/v1/submissions?outcome=refused");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(Sha256.hex(missing), Sha256.hex(malformed), "whyIllicit",
                "\"outcome\":\"REFUSED\"");
        var montenegro = get(partner("ME"), "/api/v1/submissions?outcome=refused");
        assertThat(montenegro.statusCode()).isEqualTo(200);
        assertThat(montenegro.body()).doesNotContain(Sha256.hex(missing), Sha256.hex(malformed));
        var wrong = get(albania, "/api/v1/submissions?outcome=lost");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }

    @Test
    void an_accepted_body_is_kept_and_linked_to_the_request_it_became() throws Exception {
        String albania = partner("AL");
        String body = TraceApiTests.body("SUB-API-" + UUID.randomUUID().toString().substring(0, 6));

        var created = post(albania, body);

        assertThat(created.statusCode()).isEqualTo(201);
        String number = created.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1").strip();
        Submission accepted = kept(body);
        assertThat(accepted.outcome()).isEqualTo(Submission.Outcome.ACCEPTED);
        assertThat(accepted.problems()).isEmpty();
        assertThat(accepted.became()).extracting(Submission.Became::number).containsExactly(number);
        assertThat(neo4j.query("MATCH (t:TraceRequest {number: $n}) RETURN t.fromSubmission").bind(number).to("n")
                .fetchAs(String.class).one()).contains(accepted.id());
        assertThat(get(albania, "/api/v1/submissions?outcome=accepted").body()).contains(Sha256.hex(body), number);
        assertThat(get(albania, "/api/v1/submissions?outcome=refused").body()).doesNotContain(Sha256.hex(body));
    }
}
