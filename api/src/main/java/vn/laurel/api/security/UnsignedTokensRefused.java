package vn.laurel.api.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Only signed tokens get past parsing. Micronaut Security takes an unsigned ({@code "alg": "none"})
 * token as verified when no signature configuration exists (AbstractJsonWebTokenValidator: "JWT is
 * not signed and no signature configurations -> verified"), which let anybody sign in with any
 * roles on a service without a key set. Laurel never has a use for an unsigned token, so the parser
 * every validator goes through is wrapped to forget them, whatever is configured. (An encrypted token
 * is decrypted by the wrapped parser; what comes out must be signed too.)
 */
@Singleton
@SuppressWarnings({"rawtypes", "unchecked"})
public class UnsignedTokensRefused implements BeanCreatedEventListener<JsonWebTokenParser> {
    @Override
    public JsonWebTokenParser onCreated(@NonNull BeanCreatedEvent<JsonWebTokenParser> event) {
        return new SignedOnly(event.getBean());
    }

    static final class SignedOnly implements JsonWebTokenParser<JWT> {
        private final JsonWebTokenParser<JWT> parser;

        SignedOnly(JsonWebTokenParser<JWT> parser) {
            this.parser = parser;
        }

        @Override
        public @NonNull Optional<JWT> parse(@NonNull String token) {
            return parser.parse(token).filter(jwt -> jwt instanceof SignedJWT);
        }

        @Override
        public @NonNull Optional<Claims> parseClaims(@NonNull String token) {
            return parse(token).isPresent() ? parser.parseClaims(token) : Optional.empty();
        }
    }
}
