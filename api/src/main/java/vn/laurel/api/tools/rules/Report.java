package vn.laurel.api.tools.rules;

import java.io.PrintStream;
import java.util.List;

/** How {@code push} shows a draft: its check, then its changes as a unified diff. */
public final class Report {
    private Report() {}

    public static void draft(PrintStream out, Replies.Draft d) {
        StringBuilder head = new StringBuilder("Draft ").append(d.id() == null ? "?" : d.id());
        if (d.status() != null) head.append(" (").append(d.status()).append(")");
        if (d.baseRevisionId() != null) head.append(", based on revision ").append(d.baseRevisionId());
        if (d.title() != null) head.append(": ").append(d.title());
        out.println(head);
        check(out, d);
    }

    public static void check(PrintStream out, Replies.Draft d) {
        long errors = d.problems().stream().filter(p -> !"WARNING".equalsIgnoreCase(p.severity())).count();
        StringBuilder line = new StringBuilder("Check: ").append(d.checkPassed() ? "passed" : "FAILED");
        line.append(" - ").append(errors).append(" problem(s)");
        if (d.scenarios() != null) line.append(", ").append(d.scenarios()).append(" scenario(s)");
        int failing = d.scenarioFailures() != null ? d.scenarioFailures() : d.failures().size();
        line.append(", ").append(failing).append(" failing");
        out.println(line);
        for (Replies.Problem p : d.problems()) out.println("  " + p);
        for (Replies.Failure f : d.failures()) out.println("  " + f);
    }

    public static void diff(PrintStream out, List<Replies.FileDiff> files, Long base, String note) {
        if (files == null) {
            if (note != null) out.println(note);
            return;
        }
        out.println(files.isEmpty() ? "No change against " + against(base) + "."
                : files.size() + " file(s) changed against " + against(base) + (note == null ? ":" : " (" + note + "):"));
        for (Replies.FileDiff f : files) {
            if (f.hunks().isEmpty()) {
                out.println("  " + f.change() + " " + f.path());
                continue;
            }
            out.println("diff " + f.path() + " (" + f.change() + ")");
            out.println("--- " + ("ADDED".equals(f.change()) ? "/dev/null" : "a/" + f.path()));
            out.println("+++ " + ("REMOVED".equals(f.change()) ? "/dev/null" : "b/" + f.path()));
            for (Replies.Hunk h : f.hunks()) {
                if (h.header() != null) out.println(h.header());
                h.lines().forEach(out::println);
            }
        }
    }

    private static String against(Long base) {
        return base == null ? "its base" : "revision " + base;
    }
}
