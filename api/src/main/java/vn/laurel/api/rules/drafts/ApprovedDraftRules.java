package vn.laurel.api.rules.drafts;

import jakarta.inject.Singleton;
import vn.laurel.api.rules.RuleCandidates;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.engine.ruleset.RuleBundle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.*;

/** The SQL behind {@link RuleCandidates}: the drafts approved and not yet published, and their rule files. */
@Singleton
public class ApprovedDraftRules implements RuleCandidates {
    private static final int MAX = 8; // a handful wait at any time; more would only be compiled for nothing

    private final RuleStore store;

    public ApprovedDraftRules(RuleStore store) {
        this.store = store;
    }

    @Override
    public List<Candidate> approved() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash FROM ruleset_draft WHERE status = 'APPROVED' "
                    + "ORDER BY updated_at DESC LIMIT " + MAX); ResultSet rs = ps.executeQuery()) {
                List<Candidate> out = new ArrayList<>();
                while (rs.next()) out.add(new Candidate(rs.getLong(1), rs.getString(2)));
                return out;
            }
        });
    }

    @Override
    public Optional<byte[]> rulesZip(long draftId, String contentHash) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ruleset_draft WHERE id = ? AND status = 'APPROVED' AND content_hash = ?")) {
                ps.setLong(1, draftId);
                ps.setString(2, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<byte[]>empty();
                }
            }
            Map<String, byte[]> files = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path, content FROM ruleset_draft_file WHERE draft_id = ? AND path LIKE ?")) {
                ps.setLong(1, draftId);
                ps.setString(2, RuleBundle.RULES + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) files.put(rs.getString(1), rs.getBytes(2));
                }
            }
            return Optional.of(RuleBundle.of(files).rulesZip());
        });
    }
}
