package vn.laurel.api.security;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment an operator sets, and the security properties it turns into. */
class SecuritySettingsTest {
    @Test
    void demo_accounts_are_on_for_the_embedded_default_only_unless_switched_explicitly() {
        assertThat(SecuritySettings.of(Map.of()).get("laurel.security.demo-accounts")).isEqualTo(true);
        assertThat(SecuritySettings.of(Map.of("LAUREL_DB_URL", "jdbc:postgresql://db/laurel")).get("laurel.security.demo-accounts")).isEqualTo(false);
        assertThat(SecuritySettings.of(Map.of("LAUREL_DB_URL", "jdbc:postgresql://db/laurel", "LAUREL_DEMO_ACCOUNTS", "true"))
                .get("laurel.security.demo-accounts")).isEqualTo(true);
        assertThat(SecuritySettings.of(Map.of("LAUREL_DEMO_ACCOUNTS", "false")).get("laurel.security.demo-accounts")).isEqualTo(false);
    }

    @Test
    void an_identity_providers_key_set_and_claims_become_micronaut_security_settings() {
        Map<String, Object> p = SecuritySettings.of(Map.of(
                "LAUREL_JWKS_URL", "https://sso.agency.gov.vn/certs", "LAUREL_JWKS_FILE", "/etc/laurel/jwks.json",
                "LAUREL_JWT_ISSUER", "https://sso.agency.gov.vn", "LAUREL_JWT_AUDIENCE", "laurel",
                "LAUREL_JWT_ROLES_CLAIM", "groups", "LAUREL_JWT_NAME_CLAIM", "preferred_username", "LAUREL_JWT_ORG_CLAIM", "unit_codes"));
        assertThat(p).containsEntry("micronaut.security.token.jwt.signatures.jwks.agency.url", "https://sso.agency.gov.vn/certs")
                .containsEntry("micronaut.security.token.jwt.signatures.jwks-static.agency-file.path", "file:/etc/laurel/jwks.json")
                .containsEntry("micronaut.security.token.jwt.claims-validators.issuer", "https://sso.agency.gov.vn")
                .containsEntry("micronaut.security.token.jwt.claims-validators.audience", "laurel")
                .containsEntry("micronaut.security.token.roles-name", "groups")
                .containsEntry("micronaut.security.token.name-key", "preferred_username")
                .containsEntry("laurel.security.org-claim", "unit_codes");
    }
}
