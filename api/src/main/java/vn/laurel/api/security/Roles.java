package vn.laurel.api.security;

/**
 * The roles an agency's identity provider grants (in the token's {@code roles} claim) and what each
 * may do. ADMIN may do everything; every endpoint names the roles it admits with {@code @Secured}.
 */
public final class Roles {
    /** Queries eligibility, candidates and what-if. */
    public static final String CLIENT = "CLIENT";
    /** Writes, corrects and imports facts. */
    public static final String CLERK = "CLERK";
    /** Reloads, previews and rolls back rules. */
    public static final String POLICY = "POLICY";
    /**
     * An emulation board's official (the secretariat of a council of emulation and commendation): keeps the
     * year's work — cluster reviews, council sessions and their ballots, proposal lists and the decisions
     * that confer them.
     */
    public static final String BOARD = "BOARD";
    /** Reads decisions and reports, replays them, verifies the audit chain. */
    public static final String AUDITOR = "AUDITOR";
    /**
     * Reads the service's metrics (Prometheus scrapes with it), nothing else: the scraper's credential
     * sits in a monitoring system's configuration, so it must open no decision, fact or rule.
     */
    public static final String MONITOR = "MONITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
