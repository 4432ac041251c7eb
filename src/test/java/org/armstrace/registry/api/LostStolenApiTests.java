package org.armstrace.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The partners' lost/stolen export over HTTP: a partner token reads the active reports page by
 * page with the workbook's fields in English, never the circumstances or who reported; each call
 * is audited; an unknown token and a role it is not for are refused.
 */
@ArmsTraceTest
class LostStolenApiTests {

    static final Provenance DESK = new Provenance("user:" + Actors.ANALYST, Provenance.Confidence.HIGH);

    @Autowired
    SslBundles ssl;
    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    LostStolenRegister register;
    @Autowired
    AuditLog audit;

    private String token(Role role) {
        return token(role, "lost-stolen " + role + " " + System.nanoTime());
    }

    private String token(Role role, String name) {
        return Actors.admin(() -> tokens.create(name, role, 1_000, role == Role.PARTNER ? "AL" : null)).secret();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token);
        return TestHttps.client(ssl).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_partner_token_reads_the_newest_active_report_in_english_without_circumstances_or_reporter_and_the_call_is_audited()
            throws Exception {
        String serial = "LSAPI-" + System.nanoTime() % 1_000_000;
        Firearm f = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M57").calibre("7.62x25").serial(serial).country("RS").year(1985).build(), DESK));
        LostStolenReport r = Actors.analyst(() -> register.report(f.id(), LostStolenReport.Kind.STOLEN,
                LocalDate.of(2026, 3, 14), "Prizren", "KP-2026-0042", "taken from the car of Agim Krasniqi", DESK));
        String partnerName = "lost-stolen partner " + System.nanoTime();
        String partner = token(Role.PARTNER, partnerName);

        var response = get("/api/v1/lost-stolen/active?page=0&size=1", partner);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit-Remaining")).isPresent();
        assertThat(response.body()).contains("\"page\":0", "\"size\":1", "\"report\":\"" + r.id() + "\"",
                "\"kind\":\"Stolen\"", "\"occurredOn\":\"2026-03-14\"", "\"place\":\"Prizren\"",
                "\"policeReference\":\"KP-2026-0042\"", "\"make\":\"Zastava Oružje\"", "\"model\":\"M57\"",
                "\"type\":\"Self-loading pistol\"", "\"calibre\":\"7.62×25 mm Tokarev\"",
                "\"serialNumber\":\"" + serial + "\"", "\"countryOfManufacture\":\"Serbia\"",
                "\"yearOfManufacture\":1985", "\"weaponOnRecord\":true");
        assertThat(response.body()).doesNotContain("Krasniqi", "circumstances", Actors.ANALYST, "reportedBy");
        assertThat(response.body()).containsOnlyOnce("\"report\":");
        List<AuditEvent> exports = Actors.admin(() -> audit.page(0, 10, "token:" + partnerName, "lost-stolen.exported"));
        assertThat(exports).singleElement().satisfies(e -> assertThat(e.details()).contains("page 0 of size 1"));

        var next = get("/api/v1/lost-stolen/active?page=1&size=1", partner);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).doesNotContain("\"report\":\"" + r.id() + "\"");
    }

    @Test
    void an_unknown_token_and_a_field_officers_token_are_refused_and_a_page_too_large_is_a_bad_request() throws Exception {
        var unknown = get("/api/v1/lost-stolen/active", "at_no-such-token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("invalid-token").doesNotContain("\"reports\"");

        var officer = get("/api/v1/lost-stolen/active", token(Role.FIELD_OFFICER));
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.body()).doesNotContain("\"reports\"");

        assertThat(get("/api/v1/lost-stolen/active?size=501", token(Role.PARTNER)).statusCode()).isEqualTo(400);
    }
}
