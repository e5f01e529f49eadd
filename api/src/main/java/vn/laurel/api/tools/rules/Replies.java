package vn.laurel.api.tools.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON answers of the service that {@code ./laurel rules} reads, in one place so their assumed
 * shapes are easy to adjust. Every reader is tolerant: a missing field gives null or an empty list,
 * never an exception, and a few likely alternative names are accepted.
 *
 * <ul>
 *   <li>{@code GET /api/v1/ruleset}: {@code {"version": "sha256:…", "revision": {"id": 12, …}, …}}</li>
 *   <li>{@code GET /api/v1/ruleset/revisions?before=&limit=}: a list of {@code {"id", "rulesVersion"|"version", …}},
 *       bare or under {@code "revisions"} / {@code "items"}</li>
 *   <li>a draft ({@code POST /api/v1/ruleset/drafts}, {@code GET …/drafts/{id}}, {@code …/propose}):
 *       {@code {"id", "status", "baseRevisionId"|"base", "check": {"passed", "problems": [{file, line, column, message}],
 *       "scenarios", "scenarioFailures", "failures": [{field, message}]}}} — or the same under {@code "draft"}</li>
 *   <li>{@code GET …/drafts/{id}/diff}: {@code {"files": [{"path", "change": "ADDED|REMOVED|CHANGED",
 *       "hunks": [{"header": "@@ -a,b +c,d @@", "lines": ["+…", "-…", " …"]}]}]}}</li>
 * </ul>
 */
public final class Replies {
    private Replies() {}

    public record Active(String version, Long revisionId) {}

    public record RevisionRef(long id, String version) {}

    public record Problem(String file, int line, int column, String severity, String message) {
        @Override
        public String toString() {
            String where = (file == null ? "?" : file) + ":" + line + ":" + column + ": ";
            return where + ("WARNING".equalsIgnoreCase(severity) ? "warning: " : "") + (message == null ? "" : message);
        }
    }

    public record Failure(String field, String message) {
        @Override
        public String toString() {
            return field == null ? String.valueOf(message) : field + ": " + message;
        }
    }

    /**
     * @param passed   the check's verdict as the server gives it; null when it gives none (then {@link #checkPassed}
     *                 judges from the problems and failures)
     */
    public record Draft(Long id, String status, Long baseRevisionId, String title, Boolean passed, List<Problem> problems,
                        Integer scenarios, Integer scenarioFailures, List<Failure> failures) {
        public boolean checkPassed() {
            if (passed != null) return passed;
            return problems.stream().noneMatch(p -> !"WARNING".equalsIgnoreCase(p.severity())) && failures.isEmpty()
                    && (scenarioFailures == null || scenarioFailures == 0);
        }
    }

    public record Hunk(String header, List<String> lines) {}

    public record FileDiff(String path, String change, List<Hunk> hunks) {}

    public static Active active(JsonNode json) {
        String version = text(json, "version");
        JsonNode r = json.path("revision");
        Long revision = r.isNumber() ? Long.valueOf(r.asLong()) : number(r, "id");
        if (revision == null) revision = number(json, "revisionId");
        return new Active(version, revision);
    }

    public static List<RevisionRef> revisions(JsonNode json) {
        JsonNode items = json.isArray() ? json : firstArray(json, "revisions", "items", "content");
        List<RevisionRef> out = new ArrayList<>();
        for (JsonNode r : items) {
            Long id = number(r, "id");
            String version = text(r, "rulesVersion");
            if (version == null) version = text(r, "version");
            if (id != null) out.add(new RevisionRef(id, version));
        }
        return out;
    }

    public static Draft draft(JsonNode json) {
        JsonNode d = json.path("draft").isObject() ? json.path("draft") : json;
        JsonNode check = d.path("check").isObject() ? d.path("check") : d;
        Long base = number(d, "baseRevisionId");
        JsonNode b = d.path("base");
        if (base == null) base = b.isNumber() ? Long.valueOf(b.asLong()) : number(b, "id");
        if (base == null) base = number(b, "revision");
        if (base == null) base = number(d, "baseRevision");
        Boolean passed = bool(check, "passed");
        if (passed == null) passed = bool(d, "checkPassed");
        List<Problem> problems = new ArrayList<>();
        for (JsonNode p : check.path("problems")) {
            String file = text(p, "file");
            if (file == null) file = text(p, "path");
            problems.add(new Problem(file, p.path("line").asInt(0), p.path("column").asInt(0), text(p, "severity"), text(p, "message")));
        }
        JsonNode s = check.path("scenarios");
        Integer scenarios = s.isNumber() ? Integer.valueOf(s.asInt()) : integer(s, "count");
        if (scenarios == null) scenarios = integer(s, "total");
        Integer failing = integer(check, "scenarioFailures");
        if (failing == null) failing = integer(s, "failures");
        if (failing == null) failing = integer(s, "failed");
        JsonNode f = check.path("failures").isArray() ? check.path("failures") : s.path("failures");
        List<Failure> failures = new ArrayList<>();
        for (JsonNode x : f) {
            if (x.isTextual()) failures.add(new Failure(null, x.asText()));
            else failures.add(new Failure(text(x, "field") != null ? text(x, "field") : text(x, "file"), text(x, "message")));
        }
        return new Draft(number(d, "id"), text(d, "status"), base, text(d, "title"), passed, problems, scenarios, failing, failures);
    }

    public static List<FileDiff> diff(JsonNode json) {
        JsonNode files = json.isArray() ? json : firstArray(json, "files", "changes");
        List<FileDiff> out = new ArrayList<>();
        for (JsonNode f : files) {
            String path = text(f, "path");
            if (path == null) path = text(f, "file");
            String change = text(f, "change");
            if (change == null) change = text(f, "status");
            if (change == null) change = text(f, "kind");
            List<Hunk> hunks = new ArrayList<>();
            for (JsonNode h : f.path("hunks")) {
                if (h.isTextual()) {
                    hunks.add(new Hunk(null, h.asText().lines().toList()));
                    continue;
                }
                List<String> lines = new ArrayList<>();
                JsonNode l = h.path("lines");
                if (l.isTextual()) lines.addAll(l.asText().lines().toList());
                else l.forEach(x -> lines.add(x.asText()));
                hunks.add(new Hunk(text(h, "header"), lines));
            }
            String unified = text(f, "diff");
            if (hunks.isEmpty() && unified != null) hunks.add(new Hunk(null, unified.lines().toList()));
            out.add(new FileDiff(path, change == null ? "CHANGED" : change.toUpperCase(), hunks));
        }
        return out;
    }

    private static JsonNode firstArray(JsonNode json, String... names) {
        for (String n : names) {
            if (json.path(n).isArray()) return json.path(n);
        }
        return json.path("__none__");
    }

    static String text(JsonNode node, String field) {
        return LaurelHttp.text(node, field);
    }

    static Long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asLong();
        if (v.isTextual() && v.asText().matches("\\d{1,18}")) return Long.parseLong(v.asText());
        return null;
    }

    static Integer integer(JsonNode node, String field) {
        Long n = number(node, field);
        return n == null ? null : (int) Math.min(Integer.MAX_VALUE, n);
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }
}
