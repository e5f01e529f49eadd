package vn.laurel.api.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Date;

/**
 * A token is good from its {@code nbf} (if any) until its {@code exp}, which it must have. Micronaut
 * checks {@code exp} only when present (a token without one would be good forever) and ignores
 * {@code nbf} unless told; this holds whatever the claims-validators properties say. No leeway for
 * clock skew: the identity provider and Laurel are expected to keep time (NTP).
 */
@Singleton
public class TokenLifetime<T> implements GenericJwtClaimsValidator<T> {
    private final Clock clock;

    public TokenLifetime() {
        this(Clock.systemUTC());
    }

    TokenLifetime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return validate(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims));
    }

    boolean validate(JWTClaimsSet claims) {
        Date now = Date.from(clock.instant());
        Date expiry = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        return expiry != null && now.before(expiry) && (notBefore == null || !now.before(notBefore));
    }
}
