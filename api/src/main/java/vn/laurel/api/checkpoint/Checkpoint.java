package vn.laurel.api.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpStatus;
import vn.laurel.api.audit.Canonical;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signed checkpoint: the length and head hash of the decision chain and of the flag chain at a
 * moment, signed with the checkpoint key. Its document is small JSON an auditor keeps; the signature
 * covers every field but the id and the note (canonical JSON, keys sorted: {@link #payload}).
 */
public record Checkpoint(Long id, long chainLength, String headHash, long flagChainLength, String flagHeadHash, Instant createdAt,
                         String createdBy, String keyId, String publicKey, boolean ephemeralKey, String signature) {
    public static final String FORMAT = "laurel-checkpoint/1";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is signed: every field of the document but its id, the algorithm's name, the note and the signature. */
    private Map<String, Object> signed() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("format", FORMAT);
        p.put("chainLength", chainLength);
        p.put("headHash", headHash);
        p.put("flagChainLength", flagChainLength);
        p.put("flagHeadHash", flagHeadHash);
        p.put("createdAt", createdAt.toString());
        p.put("createdBy", createdBy);
        p.put("keyId", keyId);
        p.put("publicKey", publicKey);
        p.put("ephemeralKey", ephemeralKey);
        return p;
    }

    /** The signed text (canonical: sorted keys). */
    public String payload() {
        return Canonical.write(signed());
    }

    public Checkpoint withSignature(String newSignature) {
        return new Checkpoint(id, chainLength, headHash, flagChainLength, flagHeadHash, createdAt, createdBy, keyId, publicKey,
                ephemeralKey, newSignature);
    }

    public Checkpoint withId(long newId) {
        return new Checkpoint(newId, chainLength, headHash, flagChainLength, flagHeadHash, createdAt, createdBy, keyId, publicKey,
                ephemeralKey, signature);
    }

    /** How the checkpoint is named in a verification's messages. */
    String label() {
        return (id == null ? "the checkpoint" : "checkpoint " + id) + " of " + createdAt;
    }

    /** The document an auditor downloads and keeps, and posts back to verify against. */
    public Map<String, Object> document() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("algorithm", CheckpointKey.ALGORITHM);
        d.putAll(signed());
        if (ephemeralKey) {
            d.put("note", "Signed with an ephemeral key made when the server started (no LAUREL_CHECKPOINT_KEY_FILE): "
                    + "it proves the chain only to someone who recorded this public key while that server ran.");
        }
        d.put("signature", signature);
        return d;
    }

    /** Whether the signature is the key's over this content, and the key id is that key's. */
    public boolean signatureValid() {
        PublicKey key = CheckpointKey.publicKeyOf(publicKey);
        return key != null && CheckpointKey.idOf(java.util.Base64.getDecoder().decode(publicKey)).equals(keyId)
                && CheckpointKey.verifies(key, payload(), signature);
    }

    /** A checkpoint document sent back by an auditor: every field checked, each error naming its field. */
    public static Checkpoint parse(String body) {
        Map<?, ?> d;
        try {
            Object value = body == null || body.isBlank() ? null : JSON.readValue(body, Object.class);
            if (!(value instanceof Map<?, ?> m)) throw ProblemException.badField("body", "must be a checkpoint document (a JSON object)");
            d = m;
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("body", "is not JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (!FORMAT.equals(d.get("format"))) errors.add(new FieldError("format", "must be \"" + FORMAT + "\""));
        Long id = d.get("id") == null ? null : number(d, "id", errors);
        long length = number(d, "chainLength", errors), flagLength = number(d, "flagChainLength", errors);
        String head = hash(d, "headHash", errors), flagHead = hash(d, "flagHeadHash", errors);
        Instant created = null;
        try {
            created = Instant.parse(text(d, "createdAt", errors));
        } catch (DateTimeParseException | NullPointerException e) {
            if (d.get("createdAt") instanceof String) errors.add(new FieldError("createdAt", "is not an instant"));
        }
        String by = text(d, "createdBy", errors), keyId = text(d, "keyId", errors), publicKey = text(d, "publicKey", errors);
        if (publicKey != null && CheckpointKey.publicKeyOf(publicKey) == null) errors.add(new FieldError("publicKey", "is not an Ed25519 public key (base64 X.509)"));
        if (!(d.get("ephemeralKey") instanceof Boolean)) errors.add(new FieldError("ephemeralKey", "must be true or false"));
        String signature = text(d, "signature", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The checkpoint document has " + errors.size() + " bad field(s): "
                    + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return new Checkpoint(id, length, head, flagLength, flagHead, created, by, keyId, publicKey, (Boolean) d.get("ephemeralKey"), signature);
    }

    private static long number(Map<?, ?> d, String field, List<FieldError> errors) {
        Object v = d.get(field);
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n >= 0) return n;
        }
        errors.add(new FieldError(field, "must be a whole number, 0 or more"));
        return 0;
    }

    private static String hash(Map<?, ?> d, String field, List<FieldError> errors) {
        Object v = d.get(field);
        if (v instanceof String s && HASH.matcher(s).matches()) return s;
        errors.add(new FieldError(field, "must be 64 lower-case hexadecimal digits"));
        return null;
    }

    private static String text(Map<?, ?> d, String field, List<FieldError> errors) {
        Object v = d.get(field);
        if (v instanceof String s && !s.isBlank() && s.length() <= 1000) return s;
        errors.add(new FieldError(field, "must be a non-empty text"));
        return null;
    }
}
