package vn.laurel.api.workbench.drafts;

import vn.laurel.api.rules.drafts.DraftDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's unified hunks (DraftDiff) laid out side by side for a reviewer: old line left, new line
 * right, a removed line facing the line that replaced it, and the unchanged lines between hunks
 * collapsed into one row that counts them.
 */
public final class SideBySide {
    /** same, changed, removed, added, or gap (unchanged lines not shown: {@code skipped} of them; -1 when the count is unknown). */
    public record Row(String kind, Integer oldNo, String oldText, Integer newNo, String newText, int skipped) {
        public boolean gap() {
            return "gap".equals(kind);
        }

        /** The sign a printed page or a colour-blind reader sees beside the old line. */
        public String oldSign() {
            return "changed".equals(kind) || "removed".equals(kind) ? "−" : "";
        }

        public String newSign() {
            return "changed".equals(kind) || "added".equals(kind) ? "+" : "";
        }
    }

    private static final Pattern HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private SideBySide() {}

    public static List<Row> rows(DraftDiff.FileDiff file) {
        List<Row> rows = new ArrayList<>();
        int oldNext = 1; // the first old line not yet shown
        for (DraftDiff.Hunk hunk : file.hunks()) {
            Matcher m = HEADER.matcher(hunk.header());
            int oldLine = 1, newLine = 1;
            if (m.matches()) {
                oldLine = Integer.parseInt(m.group(1));
                newLine = Integer.parseInt(m.group(3));
                // "-0,0": the file had no lines (an added file), the hunk starts at line 1 of nothing.
                if (oldLine == 0) oldLine = 1;
                if (newLine == 0) newLine = 1;
            }
            if (oldLine > oldNext) rows.add(new Row("gap", null, null, null, null, oldLine - oldNext));
            List<String> removed = new ArrayList<>(), added = new ArrayList<>();
            for (String line : hunk.lines()) {
                char c = line.isEmpty() ? ' ' : line.charAt(0);
                String text = line.isEmpty() ? "" : line.substring(1);
                if (c == '-') {
                    if (!added.isEmpty()) { // a '+' run closed by a '-': pair what is there first
                        int[] at = flush(rows, removed, added, oldLine, newLine);
                        oldLine = at[0];
                        newLine = at[1];
                    }
                    removed.add(text);
                } else if (c == '+') {
                    added.add(text);
                } else if (c == '\\') {
                    // "\ No newline at end of file": not a line of either side
                } else {
                    int[] at = flush(rows, removed, added, oldLine, newLine);
                    oldLine = at[0];
                    newLine = at[1];
                    rows.add(new Row("same", oldLine++, text, newLine++, text, 0));
                }
            }
            int[] at = flush(rows, removed, added, oldLine, newLine);
            oldNext = at[0];
        }
        int trailing = 0;
        for (int i = rows.size() - 1; i >= 0 && "same".equals(rows.get(i).kind()); i--) trailing++;
        // Fewer unchanged lines after the last change than the diff's context: the file ended there.
        if (trailing >= 3 && !"added".equals(file.change()) && !"removed".equals(file.change())) {
            rows.add(new Row("gap", null, null, null, null, -1)); // the rest of the file, unchanged (its length is not in the diff)
        }
        return rows;
    }

    /** Removed lines facing the added ones, row by row; the longer side's rest alone. Returns the next line numbers. */
    private static int[] flush(List<Row> rows, List<String> removed, List<String> added, int oldLine, int newLine) {
        int n = Math.max(removed.size(), added.size());
        for (int i = 0; i < n; i++) {
            boolean l = i < removed.size(), r = i < added.size();
            String kind = l && r ? "changed" : l ? "removed" : "added";
            rows.add(new Row(kind, l ? oldLine++ : null, l ? removed.get(i) : null, r ? newLine++ : null, r ? added.get(i) : null, 0));
        }
        removed.clear();
        added.clear();
        return new int[]{oldLine, newLine};
    }
}
