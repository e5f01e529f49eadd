package vn.laurel.api.security;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Without a key set (no LAUREL_JWKS_URL or LAUREL_JWKS_FILE, nor a signature configuration given
 * as Micronaut properties) no bearer token is accepted, whatever it claims or how it is signed:
 * there is nothing to check it against. Micronaut's own default is the opposite for unsigned
 * tokens; {@link UnsignedTokensRefused} closes that too, and this refuses the rest outright rather
 * than relying on an empty list of keys to match nothing.
 */
@Singleton
public class KeySetRequired<T> implements GenericJwtClaimsValidator<T> {
    private final boolean keySet;

    public KeySetRequired(List<SignatureConfiguration> signatures, List<ReactiveSignatureConfiguration<SignedJWT>> reactiveSignatures) {
        this.keySet = !signatures.isEmpty() || !reactiveSignatures.isEmpty();
    }

    public boolean keySet() {
        return keySet;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return keySet;
    }
}
