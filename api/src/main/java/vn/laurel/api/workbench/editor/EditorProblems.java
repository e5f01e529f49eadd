package vn.laurel.api.workbench.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.laurel.api.rules.drafts.DraftCheck;

import java.util.List;

/**
 * The problems of a draft's last check that belong to one file, as the editor lists them and marks
 * them in ACE's gutter. A problem the rule-code allow-list raised (a forbidden import, class or
 * statement: DrlShape, ActionShape, CompiledCodeCheck) is told apart from a plain error, because the
 * fix is different: not a typo, but something rules may not do at all.
 */
public final class EditorProblems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EditorProblems() {}

    /** One problem: line and column from 1 (0 when the check could not place it), ERROR or WARNING. */
    public record View(int line, int column, String severity, String message, boolean refused) {
        public boolean error() {
            return "ERROR".equals(severity);
        }

        /** The address of the problem's line in the editor ({@code #L12}), or null when it has none. */
        public String anchor() {
            return line > 0 ? "#L" + line : null;
        }
    }

    public static List<View> of(DraftCheck check, String path) {
        if (check == null) return List.of();
        return check.problems().stream().filter(p -> path.equals(p.file()))
                .map(p -> new View(Math.max(p.line(), 0), Math.max(p.column(), 0), p.severity(), p.message(), refusedByAllowList(p.message())))
                .toList();
    }

    /** Problems of other files of the draft (the editor says how many, with a link to the draft). */
    public static long elsewhere(DraftCheck check, String path) {
        if (check == null) return 0;
        return check.problems().stream().filter(p -> !path.equals(p.file())).count();
    }

    /** The wording of the allow-list's refusals (engine ruleset: DrlShape, ActionShape, CompiledCodeCheck). */
    static boolean refusedByAllowList(String message) {
        if (message == null) return false;
        return message.startsWith("forbidden") || message.contains("forbidden import") || message.contains(" is not allowed")
                || message.contains("are not allowed") || message.contains("an action is one $e.record(")
                || message.contains("rule code may use only");
    }

    /**
     * The problems as JSON for a {@code <script type="application/json">} island: never executed (so CSP
     * has no say), and with {@code <}, {@code >} and {@code &} escaped so no text can close the element.
     */
    public static String json(List<View> problems) {
        try {
            return JSON.writeValueAsString(problems).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }
}
