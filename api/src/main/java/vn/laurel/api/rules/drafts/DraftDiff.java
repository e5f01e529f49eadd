package vn.laurel.api.rules.drafts;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import vn.laurel.engine.ruleset.RuleBundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A draft's changes, file by file, as unified line hunks (three lines of context), for a reviewer to read. */
public final class DraftDiff {
    /**
     * Beyond this many lines on either side a file is reported changed without its lines: a line
     * diff costs the product of the sizes at worst, and no rule file comes near it.
     */
    static final int MAX_LINES = 20_000;
    /**
     * Beyond this many lines compared in one answer (both sides, all files) the remaining files are
     * reported changed without their lines: many files just under the limit above would still cost
     * one request minutes.
     */
    static final int MAX_TOTAL_LINES = 200_000;
    private static final int CONTEXT = 3;

    public record Hunk(String header, List<String> lines) {}

    public record FileDiff(String path, String change, int linesAdded, int linesRemoved, List<Hunk> hunks, String note) {}

    /** The files changed; {@code linesCapped} when some were not compared line by line for the answer's total (see MAX_TOTAL_LINES). */
    public record Files(List<FileDiff> files, boolean linesCapped) {}

    /** against: "base" or "active"; the revision compared with. */
    public record View(long draft, String against, long againstRevision, List<FileDiff> files, boolean linesCapped) {
        public View(long draft, String against, long againstRevision, Files diff) {
            this(draft, against, againstRevision, diff.files(), diff.linesCapped());
        }
    }

    private DraftDiff() {}

    public static Files between(RuleBundle from, RuleBundle to) {
        FileChanges changes = FileChanges.between(from, to);
        List<FileDiff> out = new ArrayList<>();
        long compared = 0;
        boolean capped = false;
        for (String path : changes.paths()) {
            String change = changes.added().contains(path) ? "added" : changes.removed().contains(path) ? "removed" : "changed";
            byte[] before = from.files().get(path), after = to.files().get(path);
            List<String> a = lines(before), b = lines(after);
            boolean tooLong = a.size() > MAX_LINES || b.size() > MAX_LINES; // not compared at all: see file()
            if (!tooLong && compared + a.size() + b.size() > MAX_TOTAL_LINES) {
                capped = true;
                out.add(new FileDiff(path, change, b.size(), a.size(), List.of(), "not compared line by line: this answer already "
                        + "compared " + compared + " lines, at most " + MAX_TOTAL_LINES + " are; read the file itself"));
                continue;
            }
            if (!tooLong) compared += a.size() + b.size();
            out.add(file(path, change, a, b));
        }
        return new Files(out, capped);
    }

    static FileDiff file(String path, String change, List<String> a, List<String> b) {
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return new FileDiff(path, change, b.size(), a.size(), List.of(), "more than " + MAX_LINES + " lines: not compared line by line");
        }
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return new FileDiff(path, change, 0, 0, List.of(), "the lines are the same; only line endings or the final newline differ");
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, CONTEXT);
        List<Hunk> hunks = new ArrayList<>();
        String header = null;
        List<String> lines = null;
        int added = 0, removed = 0;
        for (String line : unified) {
            if (line.startsWith("@@")) {
                if (header != null) hunks.add(new Hunk(header, List.copyOf(lines)));
                header = line;
                lines = new ArrayList<>();
            } else if (header != null) {
                lines.add(line);
                if (line.startsWith("+")) added++;
                else if (line.startsWith("-")) removed++;
            }
        }
        if (header != null) hunks.add(new Hunk(header, List.copyOf(lines)));
        return new FileDiff(path, change, added, removed, hunks, null);
    }

    private static List<String> lines(byte[] content) {
        return content == null ? List.of() : new String(content, StandardCharsets.UTF_8).lines().toList();
    }
}
