package vn.laurel.api.checkpoint;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.audit.Anchors;
import vn.laurel.api.audit.AuditChain;
import vn.laurel.api.audit.ChainStart;
import vn.laurel.api.audit.Verification;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifying only the records after a signed checkpoint: a chain of millions is verified once, then each
 * time from where its last checkpoint left it. The checkpoint is read from the database, which whoever
 * rewrites the chain can also write: it is trusted only when its signature holds and it was signed with
 * the key the verifier trusts (the service's own, or the key id an auditor names), never a key it names
 * itself.
 */
public final class FromCheckpointStore {
    public static final String LATEST = "latest";

    private FromCheckpointStore() {}

    /** The checkpoint {@code which} names ("latest" under the trusted key, or an id), checked as trusted. */
    public static Checkpoint choose(Connection c, String field, String which, String trustedKeyId) throws SQLException {
        Checkpoint cp;
        if (LATEST.equals(which)) {
            cp = CheckpointStore.latestOf(c, trustedKeyId).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                    "No checkpoint signed with key " + trustedKeyId + " is stored: verify the whole chain first", List.of()));
        } else {
            long id = id(field, which);
            cp = CheckpointStore.byId(c, id).orElseThrow(() -> ProblemException.notFound("No checkpoint with id " + id));
        }
        if (!cp.signatureValid()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The signature of checkpoint " + cp.id()
                    + " does not match its content: the checkpoint table was altered", List.of(new FieldError(field, "does not verify")));
        }
        if (!cp.keyId().equals(trustedKeyId)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Checkpoint " + cp.id() + " was signed with key " + cp.keyId()
                    + ", not with the trusted key " + trustedKeyId + ": a verification cannot start from it",
                    List.of(new FieldError(field, "not signed with the trusted key")));
        }
        return cp;
    }

    /** Verifies the records after {@code cp}; the later checkpoints of its key are anchors on the way. */
    public static Map<String, Object> verify(Connection c, Checkpoint cp, AuditChain.Connections more) throws SQLException {
        Anchors anchors = Anchors.none();
        for (Checkpoint later : CheckpointStore.ofKeyAfter(c, cp.keyId(), cp.chainLength())) {
            if (!later.publicKey().equals(cp.publicKey()) || later.flagChainLength() < cp.flagChainLength() || !later.signatureValid()) continue;
            anchors.decisions().put(later.chainLength(), new Anchors.Anchor(later.chainLength(), later.headHash(), later.label()));
            if (later.flagChainLength() > cp.flagChainLength()) {
                anchors.flags().put(later.flagChainLength(), new Anchors.Anchor(later.flagChainLength(), later.flagHeadHash(), later.label()));
            }
        }
        ChainStart start = new ChainStart(cp.chainLength(), cp.headHash(), cp.flagChainLength(), cp.flagHeadHash(), cp.label());
        Verification v = AuditChain.verify(c, anchors, start, more);
        Map<String, Object> out = new LinkedHashMap<>(v.view());
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("id", cp.id());
        from.put("createdAt", cp.createdAt().toString());
        from.put("chainLength", cp.chainLength());
        from.put("headHash", cp.headHash());
        from.put("flagChainLength", cp.flagChainLength());
        from.put("flagHeadHash", cp.flagHeadHash());
        from.put("keyId", cp.keyId());
        out.put("from", from);
        return out;
    }

    static long id(String field, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badField(field, "\"" + value + "\" is neither a checkpoint id nor \"" + LATEST + "\"");
    }

    /**
     * The command line's verification (`laurel verify`): the whole chain, or from the checkpoint {@code from}
     * ("latest" or an id) signed with {@code trustedKeyId}, on connections of its own to {@code url}.
     */
    public static Map<String, Object> verify(String url, String user, String password, String from, String trustedKeyId) {
        AuditChain.Connections connections = () -> java.sql.DriverManager.getConnection(url, user, password);
        try (Connection c = connections.open()) {
            return from == null ? AuditChain.verify(c, vn.laurel.api.audit.Anchors.none(), vn.laurel.api.audit.ChainStart.genesis(), connections).view()
                    : verify(c, choose(c, "--from-checkpoint", from.trim(), trustedKeyId), connections);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
