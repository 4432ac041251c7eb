package org.armstrace.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.NewPeople;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

@ArmsTraceTest
class RegistryApiTests {

    static final Provenance SOURCE = new Provenance("import:api-test", Provenance.Confidence.HIGH);
    @Autowired
    SslBundles ssl;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    PersonRegistry people;

    String analystToken;
    Firearm weapon;

    @BeforeEach
    void setUp() {
        analystToken = token(Role.ANALYST, 1_000);
        weapon = Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M57").calibre("7.62x25").serial("API-57" + System.nanoTime() % 100_000).country("RS").year(1985)
                .build(), SOURCE));
    }

    private String token(Role role, int rate) {
        return Actors.admin(() -> tokens.create("test " + role + " " + System.nanoTime(), role, rate,
                role == Role.PARTNER ? "AL" : null))
                .secret();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return get(pathAndQuery, token, null);
    }

    private HttpResponse<String> get(String pathAndQuery, String token, String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + pathAndQuery));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestHttps.client(ssl).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_fuzzy_search_through_the_api_gives_the_same_ranked_hits_and_reasons_as_the_ui() throws Exception {
        String misread = weapon.serialAsRead().replace('5', 'S');
        var response = get("/api/v1/firearms?serial=" + q(misread) + "&make=ZCZ", analystToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        assertThat(response.body()).contains("\"id\":\"" + weapon.id() + "\"", "5 read as S", "make matches");
        assertThat(response.headers().firstValue("RateLimit-Remaining")).isPresent();

        var one = get("/api/v1/firearms/" + weapon.id(), analystToken);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"serialAsRead\":\"" + weapon.serialAsRead() + "\"", "\"alerts\":[]");
    }

    @Test
    void a_weapon_through_the_api_keeps_its_codes_and_names_them_for_people() throws Exception {
        var one = get("/api/v1/firearms/" + weapon.id(), analystToken);

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"type\":\"PISTOL\"", "\"make\":\"ZASTAVA\"", "\"calibre\":\"762X25\"",
                "\"names\":{\"type\":\"Self-loading pistol\",\"make\":\"Zastava Oružje\","
                        + "\"calibre\":\"7.62×25 mm Tokarev\",\"countryOfManufacture\":\"Serbia\"}");
    }

    @Test
    void a_make_not_in_the_reference_data_gets_200_with_hits_and_a_note_not_a_400() throws Exception {
        var response = get("/api/v1/firearms?serial=" + q(weapon.serialAsRead()) + "&make=" + q("Tvornica Nepoznata"),
                analystToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"" + weapon.id() + "\"",
                "make Tvornica Nepoznata not known; searched all makes",
                "{\"code\":\"make-unknown\",\"args\":[\"Tvornica Nepoznata\"]}");
    }

    @Test
    void reasons_come_in_the_language_asked_for_with_their_machine_codes() throws Exception {
        String misread = weapon.serialAsRead().replace('5', 'S');
        var albanian = get("/api/v1/firearms?serial=" + q(misread) + "&make=ZCZ", analystToken, "sq-AL,sq;q=0.9");
        var english = get("/api/v1/firearms?serial=" + q(misread) + "&make=ZCZ", analystToken);

        assertThat(albanian.statusCode()).isEqualTo(200);
        assertThat(albanian.body()).contains("5 u lexua si S", "prodhuesi përputhet (Zastava Oružje)",
                "\"code\":\"serial-confused\"", "\"code\":\"make-matches\"").doesNotContain("make matches");
        assertThat(english.body()).contains("5 read as S", "make matches (Zastava Oružje)");
    }

    @Test
    void people_are_found_across_scripts_by_tokens_whose_role_may_see_personal_data() throws Exception {
        Actors.analyst(() -> people.register(NewPeople.newPerson("Милош", "Ђурић").build(), SOURCE));
        var response = get("/api/v1/people?q=" + q("Milos Djuric"), analystToken);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Ђурић", "\"nameLatin\":\"Miloš Đurić\"");

        var officer = get("/api/v1/people?q=" + q("Milos Djuric"), token(Role.FIELD_OFFICER, 10));
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.body()).contains("urn:armstrace:problem:forbidden");
    }

    @Test
    void missing_unknown_and_revoked_tokens_get_401_problem_json_and_partners_get_403() throws Exception {
        var none = get("/api/v1/firearms?serial=ABC123", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(none.body()).contains("\"status\":401", "urn:armstrace:problem:unauthenticated");

        assertThat(get("/api/v1/firearms?serial=ABC123", "at_forged").statusCode()).isEqualTo(401);

        var created = Actors.admin(() -> tokens.create("to revoke", Role.ANALYST, 10));
        assertThat(get("/api/v1/firearms?serial=ABC123", created.secret()).statusCode()).isEqualTo(200);
        Actors.admin(() -> {
            tokens.revoke(created.token().id());
            return null;
        });
        var revoked = get("/api/v1/firearms?serial=ABC123", created.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("invalid-token");

        assertThat(get("/api/v1/firearms?serial=ABC123", token(Role.PARTNER, 10)).statusCode()).isEqualTo(403);
    }

    @Test
    void a_token_over_its_rate_gets_429_with_retry_after() throws Exception {
        String slow = token(Role.ANALYST, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/firearms?serial=ABC123", slow).statusCode()).isEqualTo(200);
        }
        var limited = get("/api/v1/firearms?serial=ABC123", slow);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(limited.body()).contains("rate-limited");
        assertThat(get("/api/v1/firearms?serial=ABC123", analystToken).statusCode())
                .as("other tokens are not limited by it").isEqualTo(200);
    }

    @ParameterizedTest(name = "serial {0} gets a clear 4xx or an empty list, never a 500")
    @ValueSource(strings = {"", "   ", "????", "****", "\u0000\u0007AB\u001bC", "🔫🔫🔫", "АВС123", "ЖЖЖ",
            "' OR 1=1 --", "MATCH (n) DETACH DELETE n", "*:*", "serialKey:[* TO *]", "AB\\\"C}{"})
    void hostile_serials_get_a_clear_4xx_or_an_empty_result(String serial) throws Exception {
        var response = get("/api/v1/firearms?serial=" + q(serial), analystToken);
        assertThat(response.statusCode()).isIn(200, 400);
        if (response.statusCode() == 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"detail\":").doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void a_serial_of_ten_thousand_characters_and_bad_page_sizes_are_400s() throws Exception {
        assertThat(get("/api/v1/firearms?serial=" + "A".repeat(10_000), analystToken).body())
                .contains("\"status\":400", "at most 200 characters");
        for (String limit : List.of("-1", "0", "101", "99999999999", "abc")) {
            var response = get("/api/v1/firearms?serial=ABC123&limit=" + limit, analystToken);
            assertThat(response.statusCode()).as("limit " + limit).isEqualTo(400);
        }
        assertThat(get("/api/v1/firearms", analystToken).body()).contains("Parameter 'serial' is required.");
        assertThat(get("/api/v1/firearms?serial=ABC&mode=WILD", analystToken).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/firearms/does-not-exist", analystToken).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/nothing-here", analystToken).statusCode()).isEqualTo(404);
    }

    @Test
    void swagger_ui_opens_without_signing_in() throws Exception {
        String path = "/api/v1/docs";
        HttpResponse<String> ui = null;
        for (int hop = 0; hop < 5; hop++) {
            ui = TestHttps.client(ssl).send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ui.statusCode() / 100 != 3) {
                break;
            }
            path = URI.create(ui.headers().firstValue("Location").orElseThrow()).getPath();
        }
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger-ui");
        assertThat(path).doesNotContain("login");
    }

    @Test
    void the_openapi_description_lists_the_endpoints_and_the_bearer_scheme_without_a_token() throws Exception {
        var doc = get("/api/v1/openapi", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/firearms", "/api/v1/firearms/{id}", "/api/v1/people", "bearer");
    }
}
