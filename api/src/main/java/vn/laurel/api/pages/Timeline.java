package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.store.StoredFact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.*;

/**
 * Ten years of a subject's facts, as the answer listed them (type, id, source, summary): by year,
 * most recent first, and within a year by kind (ratings, titles, commendations…), each with where it
 * came from and, for a reader allowed to see fact history, the earlier versions a correction replaced.
 *
 * @param from    the first year shown
 * @param to      the evaluation year
 * @param years   every year from {@code to} down to {@code from}, empty ones included (a gap is information)
 * @param anchors the anchors of the facts shown, so that evidence links only to what is on the page
 */
public record Timeline(int from, int to, List<Year> years, Set<String> anchors) {
    public static final int YEARS = 10;
    /** The order of kinds within a year; kinds not listed come after, by name. */
    private static final List<String> ORDER = List.of("rating", "title", "commendation", "initiative", "discipline", "absence",
            "attestation", "contribution", "campaignResult", "clusterRanking", "memberAggregate", "unitEvent", "predecessor");

    public record Year(int year, List<Kind> kinds) {
        public boolean isEmpty() { return kinds.isEmpty(); }
    }

    public record Kind(String type, String label, List<Entry> entries) {}

    /** One fact: its anchor on the page, what it says, where it came from, and what it said before a correction. */
    public record Entry(String factId, String anchor, String text, String source, boolean corrected, List<Earlier> earlier) {}

    /** A version a correction replaced: what it said, where it came from, the day it was replaced. */
    public record Earlier(String text, String source, String replacedOn) {}

    /** The anchor of a fact on the page: {@code fact-rating-10} for rating:10 (only letters, digits, - and _). */
    public static String anchor(String factId) {
        return "fact-" + factId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /**
     * @param facts       the answer's {@code facts}
     * @param corrections earlier versions by fact id (empty when the reader may not see fact history)
     */
    public static Timeline of(Object facts, int year, String lang, FactTexts texts, ValueTexts values,
                              Map<String, List<StoredFact>> corrections) {
        int from = year - YEARS + 1;
        Map<Integer, Map<String, List<Entry>>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (int y = year; y >= from; y--) byYear.put(y, new TreeMap<>(Timeline::compareKinds));
        Set<String> anchors = new HashSet<>();
        if (facts instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> f) || f.get("factId") == null || f.get("type") == null) continue;
                String type = f.get("type").toString();
                if (type.equals("subject")) continue; // the heading shows the subject's own record
                String factId = f.get("factId").toString();
                FactTexts.FactText text = texts.of(type, Objects.toString(f.get("summary"), null), lang);
                if (text.year() == null || !byYear.containsKey(text.year())) continue;
                String anchor = anchor(factId);
                if (!anchors.add(anchor)) continue; // the same fact twice: once is enough
                String source = Objects.toString(f.get("source"), null);
                List<Earlier> earlier = corrections.getOrDefault(factId, List.of()).stream()
                        .map(e -> new Earlier(texts.of(e, lang).text(), values.source(e.source(), lang),
                                e.supersededAt() == null ? "" : ValueTexts.date(LocalDate.ofInstant(e.supersededAt(), ZoneId.systemDefault()), lang)))
                        .toList();
                byYear.get(text.year()).computeIfAbsent(type, k -> new ArrayList<>()).add(new Entry(factId, anchor, text.text(),
                        values.source(source, lang), !earlier.isEmpty() || ValueTexts.isCorrection(source), earlier));
            }
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((y, kinds) -> {
            List<Kind> out = new ArrayList<>();
            kinds.forEach((type, entries) -> out.add(new Kind(type, values.text(lang, "values.fact." + type), List.copyOf(entries))));
            years.add(new Year(y, List.copyOf(out)));
        });
        return new Timeline(from, year, List.copyOf(years), Set.copyOf(anchors));
    }

    private static int compareKinds(String a, String b) {
        int ia = ORDER.indexOf(a), ib = ORDER.indexOf(b);
        if (ia < 0 && ib < 0) return a.compareTo(b);
        if (ia < 0) return 1;
        if (ib < 0) return -1;
        return Integer.compare(ia, ib);
    }
}
