package vn.laurel.api.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a record's hash is computed over. One place, used when a record is appended, when the chain is
 * verified, and by anyone who wants to recompute a hash the way Laurel does (the tests that rewrite a
 * chain "with Laurel's own code" call this class): a second spelling would let the two drift apart.
 */
public final class ChainContent {
    /** Records saved before V13_1: the decision's columns and its answer. */
    public static final int FORMAT_COLUMNS = 1;
    /** Also the basis, and the rows of decision_outcome and decision_fact, so a search agrees with the record. */
    public static final int FORMAT_EVERYTHING = 2;
    /**
     * Issue 20: as {@link #FORMAT_EVERYTHING}, over the decision's compact record ({@code decision.record_text})
     * exactly as stored, instead of its whole answer: the record is written canonical once, so verifying
     * hashes the stored text as it reads it.
     */
    public static final int FORMAT_RECORD = 3;

    private ChainContent() {}

    /** The columns of a decision row, as read back from the database. */
    public record DecisionRow(long id, String subjectId, int evaluationYear, LocalDate asOf, String regime, String rulesetVersion,
                              String engineVersion, String outcomes, String requestedBy, OffsetDateTime createdAt, String basis) {}

    /** An outcome row of decision_outcome. */
    public record OutcomeRow(String award, String outcome) {}

    /** The hash of a decision record: over its content and the hash of the record before it. */
    public static String decisionHash(int format, DecisionRow d, String canonicalAnswer, Collection<OutcomeRow> outcomes,
                                      Collection<String> factIds, String previousHash) {
        return Canonical.sha256(decision(format, d, canonicalAnswer, outcomes, factIds) + "\n" + previousHash);
    }

    /**
     * What a record of {@code format} hashes before the previous record's hash: for formats 1 and 2
     * {@code content} is the answer in canonical form, for {@link #FORMAT_RECORD} the stored record text.
     */
    public static String decision(int format, DecisionRow d, String content, Collection<OutcomeRow> outcomes, Collection<String> factIds) {
        String canonicalAnswer = content;
        String created = d.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toString();
        if (format == FORMAT_COLUMNS) {
            return String.join("\n", String.valueOf(d.id()), d.subjectId(), String.valueOf(d.evaluationYear()), String.valueOf(d.asOf()),
                    d.regime(), d.rulesetVersion(), d.engineVersion(), d.outcomes(), d.requestedBy(), created, canonicalAnswer);
        }
        if (format != FORMAT_EVERYTHING && format != FORMAT_RECORD) throw new IllegalArgumentException("unknown chain format " + format);
        // One JSON object with sorted keys: values that contain a separator cannot shift into a neighbour.
        // Rows are sorted here, not by the database, whose collation may order them otherwise.
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("format", format);
        columns.put("id", d.id());
        columns.put("subjectId", d.subjectId());
        columns.put("evaluationYear", d.evaluationYear());
        columns.put("asOf", String.valueOf(d.asOf()));
        columns.put("regime", d.regime());
        columns.put("rulesetVersion", d.rulesetVersion());
        columns.put("engineVersion", d.engineVersion());
        columns.put("outcomes", d.outcomes());
        columns.put("requestedBy", d.requestedBy());
        columns.put("createdAt", created);
        columns.put("basis", d.basis());
        List<List<String>> outcomeRows = new ArrayList<>();
        outcomes.stream().sorted(Comparator.comparing(OutcomeRow::award).thenComparing(OutcomeRow::outcome))
                .forEach(o -> outcomeRows.add(List.of(o.award(), o.outcome())));
        columns.put("outcomeRows", outcomeRows);
        columns.put("factRows", new ArrayList<>(new TreeSet<>(factIds)));
        return Canonical.write(columns) + "\n" + canonicalAnswer;
    }

    /** A flag row of decision_flag: a decision to be evaluated again because a fact it used was corrected. */
    public record FlagRow(long sequence, long decisionId, String factId, String reason, OffsetDateTime flaggedAt) {}

    public static String flagHash(FlagRow f, String previousHash) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("sequence", f.sequence());
        columns.put("decisionId", f.decisionId());
        columns.put("factId", f.factId());
        columns.put("reason", f.reason());
        columns.put("flaggedAt", f.flaggedAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
        return Canonical.sha256(Canonical.write(columns) + "\n" + previousHash);
    }
}
