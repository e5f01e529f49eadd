package vn.laurel.api.checkpoint;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that signs checkpoints (Ed25519, the JDK's own). It lives outside the database — whoever can
 * write the database can recompute every hash of the chain, but cannot sign — in a PEM file
 * (LAUREL_CHECKPOINT_KEY_FILE, created with owner-only permissions when it does not exist yet) or an
 * environment secret (LAUREL_CHECKPOINT_KEY, the same PEM text). Without either, the embedded default
 * signs with a key made at start, which dies with the process as its in-memory database does; a
 * database of one's own gets no checkpoints at all until a key is configured. Made at start
 * ({@link Context}), so a bad key file stops the service rather than the first checkpoint.
 */
@Context
public class CheckpointKey {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKey.class);
    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final String publicKey;
    private final String keyId;
    private final boolean ephemeral;

    public CheckpointKey(@Value("${laurel.audit.checkpoint.key-file:}") String file, @Value("${laurel.audit.checkpoint.key:}") String pem,
                         @Value("${laurel.audit.checkpoint.ephemeral-key:false}") boolean ephemeralAllowed) {
        KeyPair pair;
        boolean madeHere = false;
        if (!pem.isBlank()) {
            pair = parse(pem, "LAUREL_CHECKPOINT_KEY");
        } else if (!file.isBlank()) {
            pair = fromFile(Path.of(file));
        } else if (ephemeralAllowed) {
            pair = generate();
            madeHere = true;
        } else {
            pair = null;
        }
        this.ephemeral = madeHere;
        this.privateKey = pair == null ? null : pair.getPrivate();
        this.publicKey = pair == null ? null : Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        this.keyId = pair == null ? null : idOf(pair.getPublic().getEncoded());
        if (pair == null) {
            LOG.warn("No checkpoint key (LAUREL_CHECKPOINT_KEY_FILE or LAUREL_CHECKPOINT_KEY): no checkpoint will be signed, and the "
                    + "audit chain cannot be anchored outside the database. See docs/security.md.");
        } else if (ephemeral) {
            LOG.warn("Checkpoints are signed with an EPHEMERAL key made at start (key id {}): it dies with this process, as the "
                    + "embedded in-memory database does. Set LAUREL_CHECKPOINT_KEY_FILE to keep one.", keyId);
        } else {
            LOG.info("Checkpoints are signed with key {}", keyId);
        }
    }

    public boolean present() { return privateKey != null; }

    public boolean ephemeral() { return ephemeral; }

    /** Base64 of the X.509 encoding (what `openssl pkey -pubout` writes between its PEM lines). */
    public String publicKey() { return publicKey; }

    public String keyId() { return keyId; }

    public String sign(String payload) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** The key id of a public key: its algorithm and the start of the SHA-256 of its encoding. */
    static String idOf(byte[] x509) {
        try {
            return "ed25519:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x509)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key from its base64 X.509 encoding; null when it is not an Ed25519 public key. */
    static PublicKey publicKeyOf(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    static boolean verifies(PublicKey key, String payload, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static KeyPair fromFile(Path file) {
        if (Files.exists(file)) {
            try {
                return parse(Files.readString(file), file.toString());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the checkpoint key " + file + ": " + e.getMessage(), e);
            }
        }
        KeyPair pair = generate();
        String text = block("PRIVATE KEY", pair.getPrivate().getEncoded()) + block("PUBLIC KEY", pair.getPublic().getEncoded());
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's permissions apply.
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the checkpoint key " + file + ": " + e.getMessage(), e);
        }
        LOG.warn("Created a new checkpoint key in {} (key id {}): keep a copy of it with the service's secrets", file, idOf(pair.getPublic().getEncoded()));
        return pair;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * A PEM with the PKCS#8 private key and the X.509 public key (the JDK cannot derive the second from
     * the first): `openssl genpkey -algorithm ed25519 -out k.pem; openssl pkey -in k.pem -pubout >> k.pem`.
     */
    static KeyPair parse(String pem, String where) {
        byte[] priv = null, pub = null;
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("PRIVATE KEY")) priv = der;
            else if (m.group(1).equals("PUBLIC KEY")) pub = der;
        }
        if (priv == null || pub == null) {
            throw new IllegalStateException("the checkpoint key " + where + " must hold an Ed25519 PRIVATE KEY and its PUBLIC KEY in PEM "
                    + "(openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem -pubout >> key.pem)");
        }
        try {
            KeyFactory f = KeyFactory.getInstance(ALGORITHM);
            KeyPair pair = new KeyPair(f.generatePublic(new X509EncodedKeySpec(pub)), f.generatePrivate(new PKCS8EncodedKeySpec(priv)));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(pair.getPrivate());
            s.update(new byte[]{1});
            byte[] sig = s.sign();
            if (!verifies(pair.getPublic(), "\u0001", Base64.getEncoder().encodeToString(sig))) {
                throw new IllegalStateException("the private and public keys in " + where + " do not belong together");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint key " + where + " is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
