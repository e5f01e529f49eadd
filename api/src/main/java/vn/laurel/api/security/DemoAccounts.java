package vn.laurel.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP Basic accounts for trying Laurel out: {@code client}, {@code clerk}, {@code policy},
 * {@code auditor} and {@code admin}, each with its name as password and the role of the same name, and
 * {@code reviewer}, a second policy officer (role POLICY), so that a change drafted by {@code policy}
 * can be reviewed by someone who did not write it, and {@code board}, an emulation board's official
 * (role BOARD: cluster reviews, council sessions, proposal lists).
 * On only on the embedded database or with LAUREL_DEMO_ACCOUNTS=true (see {@link SecuritySettings}),
 * and only while the server listens on a loopback address ({@link DemoAccountsSwitch}): a password
 * everybody knows must never guard real data, nor a port others can reach, by accident.
 */
@Singleton
@Requires(condition = DemoAccountsSwitch.class)
public class DemoAccounts<B> implements HttpRequestAuthenticationProvider<B> {
    static final Set<String> NAMES = Set.of("client", "clerk", "policy", "reviewer", "board", "auditor", "monitor", "admin");
    private final Map<String, Object> clientScope;

    /** The demo client sees the demo department, as an agency's token would name a CLIENT's units in its organisation claim. */
    public DemoAccounts(@Value("${laurel.security.org-claim:org}") String orgClaim,
                        @Value("${laurel.security.demo-client-scope:}") String demoClientScope) {
        this.clientScope = demoClientScope.isBlank() ? Map.of() : Map.of(orgClaim, List.of(demoClientScope));
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        String name = credentials.getIdentity();
        String password = credentials.getSecret();
        if (name == null || password == null || !NAMES.contains(name)
                // Compared in constant time all the same: the habit matters more than these passwords.
                || !MessageDigest.isEqual(name.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(name, List.of(role(name)), "client".equals(name) ? clientScope : Map.of());
    }

    static String role(String name) {
        return "reviewer".equals(name) ? Roles.POLICY : name.toUpperCase(Locale.ROOT);
    }
}
