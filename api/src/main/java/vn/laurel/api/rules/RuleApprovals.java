package vn.laurel.api.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/**
 * How many people other than a change's authors must approve it before it is published
 * ({@code laurel.rules.approvals-required}). Checked while the service starts: publishing without review
 * is for the embedded demo database only, never for a database that decides for real.
 */
@Context
public class RuleApprovals {
    static final String SETTING = "laurel.rules.approvals-required";

    private final int required;

    public RuleApprovals(@Value("${" + SETTING + ":1}") String required, @Value("${datasources.default.url:}") String databaseUrl) {
        this.required = validated(required, databaseUrl);
    }

    public int required() { return required; }

    static int validated(String value, String databaseUrl) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SETTING + " must be a whole number of approvals (0 or more), not \"" + value + "\"");
        }
        if (n < 0) throw new IllegalStateException(SETTING + " must be 0 or more, not " + n);
        if (n == 0 && !isEmbeddedH2(databaseUrl)) {
            throw new IllegalStateException(SETTING + " = 0 (rule changes published without review) is allowed only on the embedded "
                    + "in-memory H2 database, not on " + databaseUrl + ": set it to 1 or more");
        }
        return n;
    }

    /**
     * The demo's H2 in this process's memory only: a file database outlives the process and can be
     * shared (AUTO_SERVER), so it decides for real like any other and needs review.
     */
    static boolean isEmbeddedH2(String url) {
        return url != null && url.toLowerCase().startsWith("jdbc:h2:mem:");
    }
}
