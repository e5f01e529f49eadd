package vn.laurel.api.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The three checks Laurel adds to Micronaut's token validation, each on its own. */
class TokenChecksTest {
    static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");
    final TokenLifetime<Object> lifetime = new TokenLifetime<>(Clock.fixed(NOW, ZoneOffset.UTC));

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("someone");
    }

    @Test
    void a_token_needs_an_expiry_in_the_future_and_a_not_before_in_the_past() {
        assertThat(lifetime.validate(claims().expirationTime(Date.from(NOW.plusSeconds(60))).build())).isTrue();
        assertThat(lifetime.validate(claims().build())).as("no exp: good forever otherwise").isFalse();
        assertThat(lifetime.validate(claims().expirationTime(Date.from(NOW)).build())).as("expired this instant").isFalse();
        assertThat(lifetime.validate(claims().expirationTime(Date.from(NOW.plusSeconds(600)))
                .notBeforeTime(Date.from(NOW.plusSeconds(1))).build())).as("nbf a second ahead").isFalse();
        assertThat(lifetime.validate(claims().expirationTime(Date.from(NOW.plusSeconds(600)))
                .notBeforeTime(Date.from(NOW)).build())).as("nbf now").isTrue();
    }

    @Test
    void without_a_signature_configuration_no_token_passes_the_claims_check() {
        assertThat(new KeySetRequired<>(List.of(), List.of()).validate(null, null)).isFalse();
    }

    @Test
    void the_parser_forgets_unsigned_tokens_and_keeps_signed_ones() {
        JsonWebTokenParser<JWT> nimbus = new JsonWebTokenParser<>() {
            @Override
            public Optional<JWT> parse(String token) {
                try {
                    return Optional.of(JWTParser.parse(token));
                } catch (ParseException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<Claims> parseClaims(String token) {
                return parse(token).map(j -> new io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter(claimsOf(j)));
            }
        };
        JsonWebTokenParser<JWT> parser = new UnsignedTokensRefused.SignedOnly(nimbus);
        Tokens tokens = new Tokens();
        for (String unsigned : List.of(tokens.unsigned("a", Roles.ADMIN), Tokens.handMade("none", "a", Roles.ADMIN))) {
            assertThat(nimbus.parse(unsigned)).as("Nimbus reads it as a plain JWT").isPresent();
            assertThat(parser.parse(unsigned)).isEmpty();
            assertThat(parser.parseClaims(unsigned)).isEmpty();
        }
        assertThat(parser.parse(tokens.valid("a", Roles.ADMIN))).isPresent();
    }

    static JWTClaimsSet claimsOf(JWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
