package vn.laurel.api.workbench.editor;

import vn.laurel.api.rules.drafts.DraftView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;

/** A draft's files as the files page lists them: award rules, parameters, other rule files, scenarios. */
public final class DraftFileGroups {
    static final List<String> ORDER = List.of("awards", "parameters", "rules", "scenarios", "other");

    private DraftFileGroups() {}

    /** A file: its path, size, how it differs from the base, and the editor's address (null for a removed file). */
    public record Row(String path, long size, String change, String url) {}

    /** A group of files; {@code key} names its heading (wbeditor.group.&lt;key&gt;). */
    public record Group(String key, List<Row> files) {}

    public static List<Group> of(long draftId, List<DraftView.FileEntry> files) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        ORDER.forEach(k -> groups.put(k, new ArrayList<>()));
        files.stream().sorted(Comparator.comparing(DraftView.FileEntry::path)).forEach(f -> groups.get(group(f.path()))
                .add(new Row(f.path(), f.size(), f.change(), "removed".equals(f.change()) ? null : url(draftId, f.path()))));
        List<Group> out = new ArrayList<>();
        groups.forEach((k, rows) -> {
            if (!rows.isEmpty()) out.add(new Group(k, rows));
        });
        return out;
    }

    static String group(String path) {
        if (path.startsWith("rules/awards/")) return "awards";
        if (path.startsWith("rules/parameters/")) return "parameters";
        if (path.startsWith("rules/")) return "rules";
        if (path.startsWith("scenarios/")) return "scenarios";
        return "other";
    }

    /** The editor's address of a file: each segment of its path escaped, the slashes kept. */
    public static String url(long draftId, String path) {
        StringJoiner j = new StringJoiner("/", "/workbench/drafts/" + draftId + "/files/", "");
        for (String segment : path.split("/", -1)) j.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        return j.toString();
    }
}
