package vn.laurel.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.laurel.api.security.Roles.*;

/**
 * The role matrix without a key set — the embedded default, and a PostgreSQL deployment before its
 * identity provider is set up: the demo accounts give the roles, and every bearer token is refused,
 * including tokens of each role that the stand-in provider signed and an agency would accept.
 */
@MicronautTest(transactional = false)
class RoleMatrixWithoutKeySetApiTest extends RoleMatrix {
    @Override
    protected String database() { return "laurel_roles_no_keys"; }

    @Override
    protected Map<String, String> settings() {
        return Map.of("laurel.security.demo-accounts", "true", "laurel.reload.run-scenarios", "false");
    }

    @Override
    String as(String role) {
        String name = role.toLowerCase();
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + name).getBytes());
    }

    @Override
    Map<String, String> badCredentials() {
        Map<String, String> bad = new LinkedHashMap<>(forgeries());
        for (String role : ROLES) {
            bad.put("signed " + role + " token, no key set to check it", "Bearer " + TOKENS.scoped(role.toLowerCase() + "@agency.gov.vn",
                    List.of("HN-SKHCN-DEMO"), role));
        }
        bad.put("unsigned CLERK token", "Bearer " + TOKENS.unsigned("clerk@agency.gov.vn", CLERK));
        return bad;
    }
}
