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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    /** A good token whose organisation claim ({@code org}) names the units the user may see. */
    public String scoped(String subject, List<String> units, String... roles) {
        return sign(key, claims(subject, Instant.now().plus(Duration.ofMinutes(10)), roles).claim("org", units).build());
    }

    /** Signed by the agency's key, but with no {@code exp}: it would be good forever. */
    public String withoutExpiry(String subject, String... roles) {
        return sign(key, claims(subject, Instant.now().plus(Duration.ofMinutes(10)), roles).expirationTime(null).build());
    }

    /** Signed by the agency's key, but not good before ten minutes from now ({@code nbf}). */
    public String notYetValid(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(key, claims(subject, now.plus(Duration.ofMinutes(30)), roles).notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))).build());
    }

    /**
     * Written by hand as an attacker would: a header naming {@code alg} (e.g. "none", "None"), the
     * claims, and an empty signature. Good for ten minutes, issued by the expected issuer.
     */
    public static String handMade(String alg, String subject, String... roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
        String payload = claims(subject, Instant.now().plus(Duration.ofMinutes(10)), roles).claim("org", List.of("HN-SKHCN-DEMO"))
                .build().toString();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    public String expired(String subject, String... roles) {
        return sign(key, subject, Instant.now().minus(Duration.ofMinutes(10)), roles);
    }

    /** Same key id, another key: a forgery. */
    public String forged(String subject, String... roles) {
        return sign(stranger, subject, Instant.now().plus(Duration.ofMinutes(10)), roles);
    }

    /** HS256 keyed with the published public key set, hoping a verifier uses "the key" whatever the algorithm. */
    public String confused(String subject, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(subject, Instant.now().plus(Duration.ofMinutes(10)), roles).build());
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(Files.readString(jwks).getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "alg": "none": no signature at all. */
    public String unsigned(String subject, String... roles) {
        return new PlainJWT(new PlainHeader(), claims(subject, Instant.now().plus(Duration.ofMinutes(10)), roles).build()).serialize();
    }

    private static String sign(RSAKey k, String subject, Instant expiry, String... roles) {
        return sign(k, claims(subject, expiry, roles).build());
    }

    private static String sign(RSAKey k, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(k));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String subject, Instant expiry, String... roles) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).issueTime(Date.from(expiry.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiry)).claim("roles", List.of(roles));
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
