package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.laurel.api.security.Tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.laurel.api.security.Roles.*;

/**
 * The role matrix with the key set of a stand-in identity provider, as an agency runs Laurel: each
 * role comes in a token signed by that provider; a token that is expired, without expiry, not yet
 * valid, forged, unsigned or signed the wrong way is refused.
 */
@MicronautTest(transactional = false)
class RoleMatrixApiTest extends RoleMatrix {
    @Override
    protected String database() { return "laurel_roles"; }

    @Override
    protected Map<String, String> settings() {
        return Map.of("micronaut.security.token.jwt.signatures.jwks-static.agency.path", "file:" + TOKENS.jwksFile(),
                "micronaut.security.token.jwt.claims-validators.issuer", Tokens.ISSUER,
                "laurel.reload.run-scenarios", "false");
    }

    @Override
    String as(String role) {
        // A scraper's token names no organisation (docs/operations.md), as the demo monitor account names none.
        List<String> units = role.equals(vn.laurel.api.security.Roles.MONITOR) ? List.of() : List.of("HN-SKHCN-DEMO");
        return "Bearer " + TOKENS.scoped(role.toLowerCase() + "@agency.gov.vn", units, role);
    }

    @Override
    Map<String, String> badCredentials() {
        Map<String, String> bad = new LinkedHashMap<>(forgeries());
        bad.put("expired token", "Bearer " + TOKENS.expired("admin@agency.gov.vn", ADMIN));
        bad.put("token without exp", "Bearer " + TOKENS.withoutExpiry("admin@agency.gov.vn", ADMIN));
        bad.put("token not valid before ten minutes from now", "Bearer " + TOKENS.notYetValid("admin@agency.gov.vn", ADMIN));
        return bad;
    }

    @Test
    void the_requester_recorded_on_a_decision_and_a_fact_is_the_signed_in_user_not_a_header() {
        Http.Answer d = Http.call(client(), HttpRequest.POST("/api/v1/subjects/P-0002/eligibility?year=2025&awards=ADVANCED_LABORER", "")
                .bearerAuth(TOKENS.scoped("hoa.nguyen@agency.gov.vn", List.of("HN-SKHCN-DEMO"), CLIENT)).header("X-Client-Id", "somebody-else"));
        assertThat(d.status()).isEqualTo(200);
        Http.Answer saved = Http.get(client(), "/api/v1/decisions/" + d.body().get("decisionId").asLong());
        assertThat(saved.body().get("requestedBy").asText()).isEqualTo("hoa.nguyen@agency.gov.vn");

        Http.Answer f = Http.call(client(), json(HttpRequest.POST("/api/v1/subjects/P-0120/facts/absences", "{\"year\":2019,\"days\":3}"))
                .basicAuth("clerk", "clerk"));
        assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
        assertThat(f.body().get("provenance").get("recordedBy").asText()).isEqualTo("clerk");
    }
}
