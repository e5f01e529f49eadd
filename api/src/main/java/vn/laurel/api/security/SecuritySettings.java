package vn.laurel.api.security;

import java.util.HashMap;
import java.util.Map;

/**
 * The security properties implied by the environment: where the agency's signing keys are, which
 * claims to trust, and whether the demo accounts are on.
 *
 * <ul>
 * <li>{@code LAUREL_JWKS_URL}: the identity provider's JWKS endpoint (fetched and cached; keys rotate by kid).</li>
 * <li>{@code LAUREL_JWKS_FILE}: a JWKS file on this machine, for providers that hand out a key set.</li>
 * <li>{@code LAUREL_JWT_ISSUER}, {@code LAUREL_JWT_AUDIENCE}: tokens must carry exactly these.</li>
 * <li>{@code LAUREL_JWT_ROLES_CLAIM} (default {@code roles}), {@code LAUREL_JWT_NAME_CLAIM} (default {@code sub}).</li>
 * <li>{@code LAUREL_JWT_ORG_CLAIM} (default {@code org}): the unit code(s) a CLIENT may see ({@code vn.laurel.api.scope.OrgScope}).</li>
 * <li>{@code LAUREL_DEMO_ACCOUNTS}: default true on the embedded database, false on any database of your own.</li>
 * </ul>
 */
public final class SecuritySettings {
    private SecuritySettings() {}

    public static Map<String, Object> of(Map<String, String> env) {
        Map<String, Object> p = new HashMap<>();
        String url = env.get("LAUREL_JWKS_URL");
        if (present(url)) p.put("micronaut.security.token.jwt.signatures.jwks.agency.url", url);
        String file = env.get("LAUREL_JWKS_FILE");
        if (present(file)) p.put("micronaut.security.token.jwt.signatures.jwks-static.agency-file.path",
                file.contains(":") ? file : "file:" + file);
        if (present(env.get("LAUREL_JWT_ISSUER"))) p.put("micronaut.security.token.jwt.claims-validators.issuer", env.get("LAUREL_JWT_ISSUER"));
        if (present(env.get("LAUREL_JWT_AUDIENCE"))) p.put("micronaut.security.token.jwt.claims-validators.audience", env.get("LAUREL_JWT_AUDIENCE"));
        if (present(env.get("LAUREL_JWT_ROLES_CLAIM"))) p.put("micronaut.security.token.roles-name", env.get("LAUREL_JWT_ROLES_CLAIM"));
        if (present(env.get("LAUREL_JWT_NAME_CLAIM"))) p.put("micronaut.security.token.name-key", env.get("LAUREL_JWT_NAME_CLAIM"));
        if (present(env.get("LAUREL_JWT_ORG_CLAIM"))) p.put("laurel.security.org-claim", env.get("LAUREL_JWT_ORG_CLAIM"));
        boolean embedded = !present(env.get("LAUREL_DB_URL"));
        String demo = env.get("LAUREL_DEMO_ACCOUNTS");
        p.put("laurel.security.demo-accounts", present(demo) ? Boolean.parseBoolean(demo) : embedded);
        return p;
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }
}
