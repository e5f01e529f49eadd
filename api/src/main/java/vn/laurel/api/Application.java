package vn.laurel.api;

import io.micronaut.runtime.Micronaut;
import vn.laurel.api.security.SecuritySettings;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.HashMap;
import java.util.Map;

/**
 * Laurel's service. Starts on the embedded H2 database with the demo department unless
 * LAUREL_DB_URL names another database: one setting, from which driver and SQL dialect follow.
 */
@OpenAPIDefinition(info = @Info(title = "laurel", version = "v1",
        description = "Eligibility for Vietnamese emulation titles and commendations: decisions explained criterion by criterion, "
                + "from ten years of facts kept with their provenance. Errors are RFC 9457 application/problem+json. "
                + "Every endpoint but /health needs a role (CLIENT, CLERK, POLICY, AUDITOR, ADMIN): see docs/security.md."),
        security = {@SecurityRequirement(name = "bearerAuth"), @SecurityRequirement(name = "basicAuth")})
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token from the agency's identity provider, validated against the configured key set")
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The demo accounts of the embedded default (client, clerk, policy, reviewer, board, auditor, admin)")
public class Application {
    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(databaseSettings(System.getenv()))
                .properties(SecuritySettings.of(System.getenv()))
                .start();
    }

    /** The datasource properties implied by LAUREL_DB_URL (and LAUREL_DB_USER, LAUREL_DB_PASSWORD, LAUREL_DB_MIGRATE_USER, LAUREL_DB_MIGRATE_PASSWORD, LAUREL_DEMO). */
    public static Map<String, Object> databaseSettings(Map<String, String> env) {
        Map<String, Object> p = new HashMap<>();
        String url = env.get("LAUREL_DB_URL");
        if (url == null || url.isBlank()) return p;
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            // Imports insert in batches; the driver sends a batch as one statement only when asked to.
            url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("MODE=POSTGRESQL")) {
            // The schema and queries are written for PostgreSQL; H2 runs them in its PostgreSQL mode.
            url = url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        p.put("datasources.default.url", url);
        if (url.startsWith("jdbc:postgresql:")) {
            p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            p.put("datasources.default.dialect", "POSTGRES");
        } else if (url.startsWith("jdbc:h2:")) {
            p.put("datasources.default.driver-class-name", "org.h2.Driver");
            p.put("datasources.default.dialect", "H2");
        } else {
            throw new IllegalArgumentException("LAUREL_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL, not " + url);
        }
        p.put("datasources.default.username", env.getOrDefault("LAUREL_DB_USER", url.startsWith("jdbc:h2:") ? "sa" : "postgres"));
        p.put("datasources.default.password", env.getOrDefault("LAUREL_DB_PASSWORD", ""));
        // Migrations as the schema owner, the service as a role that cannot change decisions (V5__service_role.sql).
        String migrator = env.get("LAUREL_DB_MIGRATE_USER");
        if (migrator != null && !migrator.isBlank()) {
            p.put("flyway.datasources.default.url", url);
            p.put("flyway.datasources.default.user", migrator);
            p.put("flyway.datasources.default.password", env.getOrDefault("LAUREL_DB_MIGRATE_PASSWORD", ""));
        }
        // A database of your own outlives the process: an ephemeral checkpoint key would not (see CheckpointKey).
        p.put("laurel.audit.checkpoint.ephemeral-key", false);
        // The demo department is loaded into a database of your own only when asked for.
        p.put("laurel.demo.enabled", Boolean.parseBoolean(env.getOrDefault("LAUREL_DEMO", "false")));
        return p;
    }
}
