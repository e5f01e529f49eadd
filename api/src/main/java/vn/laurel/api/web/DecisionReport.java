package vn.laurel.api.web;

import java.util.List;
import java.util.Map;

/**
 * A decision as a page an auditor can read and print: the question, the answer, each criterion in a
 * sentence with its article, the facts and where each came from, and the version of the rules.
 */
final class DecisionReport {
    private DecisionReport() {}

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[]{"Quyết định xét khen thưởng", "Eligibility decision"}),
            Map.entry("question", new String[]{"Câu hỏi", "The question"}),
            Map.entry("subject", new String[]{"Đối tượng", "Subject"}),
            Map.entry("year", new String[]{"Năm đánh giá", "Evaluation year"}),
            Map.entry("asOf", new String[]{"Ngày xét", "Appraisal date"}),
            Map.entry("regime", new String[]{"Chế độ pháp lý", "Legal regime"}),
            Map.entry("answer", new String[]{"Kết quả", "The answer"}),
            Map.entry("criterion", new String[]{"Tiêu chuẩn", "Criterion"}),
            Map.entry("status", new String[]{"Đánh giá", "Status"}),
            Map.entry("basis", new String[]{"Căn cứ", "Legal basis"}),
            Map.entry("facts", new String[]{"Dữ liệu đã dùng và nguồn", "Facts used and their sources"}),
            Map.entry("fact", new String[]{"Dữ liệu", "Fact"}),
            Map.entry("source", new String[]{"Nguồn", "Source"}),
            Map.entry("version", new String[]{"Phiên bản", "Versions"}),
            Map.entry("rules", new String[]{"Bộ quy tắc", "Rule set"}),
            Map.entry("engine", new String[]{"Bộ máy", "Engine"}),
            Map.entry("asked", new String[]{"Người yêu cầu, thời điểm", "Asked by, at"}),
            Map.entry("flags", new String[]{"Cần xét lại vì dữ liệu đã được sửa", "To be evaluated again: facts corrected since"}),
            Map.entry("params", new String[]{"Tham số đã dùng", "Parameters used"}),
            Map.entry("decidedOn", new String[]{"Căn cứ dữ liệu", "Decided on"}),
            Map.entry("submitted", new String[]{"Hồ sơ do người yêu cầu gửi — không phải dữ liệu đã lưu trong hệ thống",
                    "Submitted case document — not the facts in the store"}),
            Map.entry("unrendered", new String[]{"Không dựng lại được kết quả khớp với bản ghi; dưới đây là bản ghi đã lưu",
                    "The answer could not be rendered to match its record; the stored record follows"}),
            Map.entry("submittedFacts", new String[]{"Dữ liệu trong hồ sơ được gửi (do người yêu cầu khai, không lấy từ hệ thống)",
                    "Facts as given in the submitted case document (stated by the requester, not read from the store)"}));

    @SuppressWarnings("unchecked")
    static String html(Map<String, Object> d, String lang) {
        Map<String, Object> answer = (Map<String, Object>) Language.localize(d.get("answer"), lang);
        int l = "en".equals(lang) ? 1 : 0;
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(w("title", l)).append(" #").append(d.get("id")).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append(".MET,.ELIGIBLE{color:#060}.NOT_MET,.NOT_ELIGIBLE{color:#a00}.NEEDS_REVIEW{color:#a60}")
                .append(".SUBMITTED_CASE{border:2px solid #a60;padding:.5em;color:#a60}")
                .append("@media print{body{margin:0}}</style></head><body>");
        h.append("<h1>").append(w("title", l)).append(" #").append(d.get("id")).append("</h1>");
        boolean submitted = "SUBMITTED_CASE".equals(d.get("basis"));
        String basisNote = String.valueOf(((Map<String, Object>) d.get("basisNote")).get(l == 1 ? "en" : "vi"));
        // A decision on a document the requester sent must not read, on paper, like one on the store's facts.
        if (submitted) h.append("<p class=\"SUBMITTED_CASE\"><strong>").append(w("submitted", l)).append("</strong>: ").append(e(basisNote)).append("</p>");
        h.append("<h2>").append(w("question", l)).append("</h2><table>")
                .append(row(w("subject", l), d.get("subjectId"))).append(row(w("year", l), d.get("year")))
                .append(row(w("asOf", l), d.get("asOf"))).append(row(w("regime", l), d.get("regime")))
                .append(row(w("asked", l), d.get("requestedBy") + ", " + d.get("createdAt")))
                .append(row(w("decidedOn", l), d.get("basis") + ": " + basisNote)).append("</table>");
        if (Boolean.TRUE.equals(d.get("needsReEvaluation"))) {
            h.append("<h2 class=\"NEEDS_REVIEW\">").append(w("flags", l)).append("</h2><ul>");
            for (Map<String, Object> f : (List<Map<String, Object>>) d.get("flags")) h.append("<li>").append(e(f.get("reason"))).append("</li>");
            h.append("</ul>");
        }
        h.append("<h2>").append(w("answer", l)).append("</h2>");
        if (answer == null) {
            // The compact record could not be rendered to itself: the record is shown as it is, with why.
            Map<String, Object> rendering = (Map<String, Object>) d.getOrDefault("rendering", Map.of());
            h.append("<p class=\"NOT_ELIGIBLE\"><strong>").append(w("unrendered", l)).append("</strong>: ").append(e(rendering.get("problem")))
                    .append("</p><pre>").append(e(vn.laurel.engine.json.Json.writePretty(d.get("record")))).append("</pre>");
            return h.append("</body></html>").toString();
        }
        for (Map<String, Object> r : (List<Map<String, Object>>) answer.get("results")) {
            h.append("<h3>").append(e(r.get("name"))).append(" (").append(e(r.get("award"))).append("): <span class=\"")
                    .append(e(r.get("outcome"))).append("\">").append(e(r.get("outcome"))).append("</span></h3>");
            for (Object note : (List<Object>) r.get("notes")) h.append("<p>").append(e(note)).append("</p>");
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) r.get("criteria");
            if (criteria.isEmpty()) continue;
            h.append("<table><tr><th>").append(w("criterion", l)).append("</th><th>").append(w("status", l)).append("</th><th>")
                    .append(w("basis", l)).append("</th></tr>");
            for (Map<String, Object> c : criteria) {
                h.append("<tr><td>").append(e(c.get("explanation"))).append("</td><td class=\"").append(e(c.get("status"))).append("\">")
                        .append(e(c.get("status"))).append("</td><td>").append(e(c.get("legalBasis"))).append(" (")
                        .append(e(c.get("confidence"))).append(")</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h2>").append(w(submitted ? "submittedFacts" : "facts", l)).append("</h2><table><tr><th>").append(w("fact", l)).append("</th><th>")
                .append(w("source", l)).append("</th></tr>");
        for (Map<String, Object> f : (List<Map<String, Object>>) answer.get("facts")) {
            h.append("<tr><td>").append(e(f.get("factId") == null ? f.get("type") : f.get("factId"))).append(": ").append(e(f.get("summary")))
                    .append("</td><td>").append(e(f.get("source"))).append("</td></tr>");
        }
        h.append("</table><h2>").append(w("params", l)).append("</h2><table>");
        for (Map<String, Object> p : (List<Map<String, Object>>) answer.get("parameters")) {
            h.append(row(String.valueOf(p.get("name")), p.get("value") + " (" + p.get("effectiveFrom") + ", " + p.get("scope") + "; "
                    + p.get("reference") + ")"));
        }
        h.append("</table><h2>").append(w("version", l)).append("</h2><table>")
                .append(row(w("rules", l), d.get("rulesetVersion"))).append(row(w("engine", l), d.get("engineVersion")))
                .append("</table></body></html>");
        return h.toString();
    }

    private static String w(String key, int lang) { return WORDS.get(key)[lang]; }

    private static String row(String label, Object value) {
        return "<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>";
    }

    /** Escapes text for HTML: every value shown came from outside and may hold markup. */
    static String e(Object value) {
        if (value == null) return "";
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
