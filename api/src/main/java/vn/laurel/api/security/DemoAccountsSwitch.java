package vn.laurel.api.security;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Whether the demo accounts are on: when asked for ({@code laurel.security.demo-accounts}, see
 * {@link SecuritySettings}) and only while the server listens on a loopback address. A password
 * everybody knows must not open a server others can reach, whatever LAUREL_DEMO_ACCOUNTS says.
 */
public final class DemoAccountsSwitch implements Condition {
    static final String WANTED = "laurel.security.demo-accounts";
    static final String HOST = "micronaut.server.host";

    /** {@code refused}: asked for, but kept off because of where the server listens. */
    public record State(boolean on, boolean refused, String reason) {}

    /** The decision and the sentence the log says about it at start. */
    public static State decide(boolean wanted, String host) {
        String where = host == null || host.isBlank() ? "every interface (no micronaut.server.host)" : host;
        if (!wanted) return new State(false, false, "Demo accounts are off (LAUREL_DEMO_ACCOUNTS, or a database of your own)");
        if (!BindAddress.isLoopback(host)) {
            return new State(false, true, "Demo accounts REFUSED: the server listens on " + where
                    + ", not a loopback address; their passwords are public, so they stay off whatever LAUREL_DEMO_ACCOUNTS says");
        }
        return new State(true, false, "Demo accounts client, clerk, policy, reviewer, board, auditor, admin (password = name) are on, for " + where + " only");
    }

    @Override
    public boolean matches(ConditionContext context) {
        return decide(context.getProperty(WANTED, Boolean.class).orElse(false),
                context.getProperty(HOST, String.class).orElse(null)).on();
    }
}
