package vn.laurel.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A stand-in for an agency's identity provider: an RSA key whose public half is published as a JWKS
 * file the service is configured with, and tokens signed by it (or by a stranger's key).
 */
public final class Tokens {
    public static final String ISSUER = "https://idp.test.laurel.vn";
    private final RSAKey key = generate("agency-key-1");
    private final RSAKey stranger = generate("agency-key-1");
    private final Path jwks;

    public Tokens() {
        try {
            jwks = Files.createTempFile("laurel-jwks-", ".json");
            Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path jwksFile() { return jwks; }

    public String valid(String subject, String... roles) {
        return sign(key, subject, Instant.now().plus(Duration.ofMinutes(10)), roles);
    }

    public String expired(String subject, String... roles) {
        return sign(key, subject, Instant.now().minus(Duration.ofMinutes(10)), roles);
    }

    /** Same key id, another key: a forgery. */
    public String forged(String subject, String... roles) {
        return sign(stranger, subject, Instant.now().plus(Duration.ofMinutes(10)), roles);
    }

    /** "alg": "none": no signature at all. */
    public String unsigned(String subject, String... roles) {
        return new PlainJWT(new PlainHeader(), claims(subject, Instant.now().plus(Duration.ofMinutes(10)), roles)).serialize();
    }

    private static String sign(RSAKey k, String subject, Instant expiry, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(), claims(subject, expiry, roles));
            jwt.sign(new RSASSASigner(k));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String subject, Instant expiry, String... roles) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).issueTime(Date.from(expiry.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiry)).claim("roles", List.of(roles)).build();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
