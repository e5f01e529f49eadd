package vn.laurel.api.checkpoint;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.laurel.api.audit.Anchors;
import vn.laurel.api.audit.ChainStart;
import vn.laurel.api.audit.Head;
import vn.laurel.api.audit.Verification;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.store.Now;
import vn.laurel.engine.caseformat.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes signed checkpoints of the audit chains and verifies the chains against one. The chains
 * alone show a record changed behind the service; only a checkpoint, signed with a key the database
 * does not hold, shows a chain rewritten with every hash recomputed.
 */
@Singleton
public class Checkpoints {
    public static final String SCHEDULER = "laurel (scheduled checkpoint)";
    private final CheckpointKey key;
    private final CheckpointStore store;

    public Checkpoints(CheckpointKey key, CheckpointStore store) {
        this.key = key;
        this.store = store;
    }

    /** Signs and stores a checkpoint of both chains as they are now. */
    public Checkpoint publish(String requestedBy) {
        if (!key.present()) {
            throw new ProblemException(HttpStatus.CONFLICT, "No checkpoint key is configured on this server, so no checkpoint can be signed: "
                    + "set LAUREL_CHECKPOINT_KEY_FILE (see docs/security.md)", List.of());
        }
        Head[] heads = store.heads();
        Checkpoint unsigned = new Checkpoint(null, heads[0].length(), heads[0].hash(), heads[1].length(), heads[1].hash(), Now.instant(),
                requestedBy, key.keyId(), key.publicKey(), key.ephemeral(), "");
        return store.insert(unsigned.withSignature(key.sign(unsigned.payload())));
    }

    /** The scheduled checkpoint: only when a key is configured and the chains moved since the last one under it. */
    public Optional<Checkpoint> publishIfMoved() {
        if (!key.present()) return Optional.empty();
        Head[] heads = store.heads();
        Optional<Checkpoint> last = store.latestOf(key.keyId());
        if (last.isPresent() && last.get().chainLength() == heads[0].length() && last.get().headHash().equals(heads[0].hash())
                && last.get().flagChainLength() == heads[1].length() && last.get().flagHeadHash().equals(heads[1].hash())) {
            return Optional.empty();
        }
        return Optional.of(publish(SCHEDULER));
    }

    public Checkpoint byId(long id) {
        return store.byId(id).orElseThrow(() -> ProblemException.notFound("No checkpoint with id " + id));
    }

    public List<Checkpoint> latest(int size) {
        return store.latest(size);
    }

    /** The chains checked against themselves: what was changed without recomputing the hashes after it. */
    public Verification verify() {
        return store.verify(Anchors.none(), ChainStart.genesis());
    }

    /**
     * Only the records after a stored checkpoint ({@code which}: its id, or "latest"), trusted when signed
     * with this server's key: the records it covers are not read again.
     */
    public Map<String, Object> verifyFrom(String which) {
        if (!key.present()) {
            throw new ProblemException(HttpStatus.CONFLICT, "No checkpoint key is configured on this server, so no stored checkpoint "
                    + "can be trusted to start from: verify the whole chain (see docs/security.md)", List.of());
        }
        return store.read(c -> FromCheckpointStore.verify(c, FromCheckpointStore.choose(c, "from", which, key.keyId()), store.connections()));
    }

    /**
     * The chains checked against a checkpoint (one an auditor kept, or one stored here): its signature
     * first, then every record, and the hash at the checkpoint's lengths. Other stored checkpoints signed
     * with the same key narrow down where a rewritten chain stops matching.
     */
    public Map<String, Object> verify(Checkpoint cp, boolean stored) {
        if (!cp.signatureValid()) {
            String detail = stored
                    ? "The signature of checkpoint " + cp.id() + " does not match its content: the checkpoint table was altered"
                    : "The signature does not match the checkpoint: the document was altered, or not signed with the key it names";
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, detail, List.of(new FieldError("signature", "does not verify")));
        }
        Anchors anchors = Anchors.none();
        for (Checkpoint other : store.ofKeyUpTo(cp.keyId(), cp.chainLength())) {
            if (!other.publicKey().equals(cp.publicKey()) || other.flagChainLength() > cp.flagChainLength() || !other.signatureValid()) continue;
            anchors.decisions().put(other.chainLength(), new Anchors.Anchor(other.chainLength(), other.headHash(), other.label()));
            anchors.flags().put(other.flagChainLength(), new Anchors.Anchor(other.flagChainLength(), other.flagHeadHash(), other.label()));
        }
        // The checkpoint given is the one trusted above all: its anchors replace any stored one at the same length.
        anchors.decisions().put(cp.chainLength(), new Anchors.Anchor(cp.chainLength(), cp.headHash(), cp.label()));
        anchors.flags().put(cp.flagChainLength(), new Anchors.Anchor(cp.flagChainLength(), cp.flagHeadHash(), cp.label()));
        // Length 0 is the empty chain: nothing to compare.
        anchors.decisions().remove(0L);
        anchors.flags().remove(0L);
        Verification v = store.verify(anchors, ChainStart.genesis());
        Map<String, Object> out = new LinkedHashMap<>(v.view());
        Map<String, Object> against = new LinkedHashMap<>();
        against.put("id", cp.id());
        against.put("createdAt", cp.createdAt().toString());
        against.put("chainLength", cp.chainLength());
        against.put("headHash", cp.headHash());
        against.put("flagChainLength", cp.flagChainLength());
        against.put("flagHeadHash", cp.flagHeadHash());
        against.put("keyId", cp.keyId());
        against.put("signatureValid", true);
        // A valid signature proves the document was signed with the key it names; that this key is the
        // service's is for the auditor to know (its key id recorded at the time), or for this line to say.
        against.put("signedWithThisServersKey", key.present() && cp.keyId().equals(key.keyId()) && cp.publicKey().equals(key.publicKey()));
        against.put("ephemeralKey", cp.ephemeralKey());
        out.put("checkpoint", against);
        return out;
    }
}
