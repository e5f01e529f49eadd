package vn.laurel.api.workbench.preview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.store.SubjectSearch;
import vn.laurel.api.web.Params;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Pattern;

/**
 * What the preview page is asked, as its address says: the population (unit, subunits, year), the
 * filters of the report (award, transition, text) and the format. {@code asked} is false on a first
 * visit (no unit in the address): the form only, nothing evaluated.
 */
record PreviewQuery(String unit, boolean subunits, int year, @Nullable String award, @Nullable String change,
                    @Nullable String text, @Nullable String format, boolean asked) {
    static final int MAX_PARAM = 200;
    static final List<String> FORMATS = List.of("csv", "xlsx");
    /** "ELIGIBLE>NOT_ELIGIBLE", either side possibly "(not evaluated)" (an award only one rule set answers). */
    static final Pattern CHANGE = Pattern.compile("[A-Za-z_() ]{1,40}>[A-Za-z_() ]{1,40}");

    /** A bad parameter: the status, the sentence (a message key) and the form field to mark. */
    static final class Bad extends RuntimeException {
        final HttpStatus status;
        final String key;
        final @Nullable String field;

        Bad(HttpStatus status, String key, @Nullable String field) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.field = field;
        }
    }

    /**
     * The parameters, checked: each bad one a 400 naming its field (404 for a unit that does not exist);
     * {@code units} are the unit codes that exist, {@code awards} the award codes either rule set knows.
     */
    static PreviewQuery parse(HttpParameters params, Set<String> units, String defaultUnit, Set<String> awards, int thisYear) {
        for (String name : List.of("unit", "includeSubunits", "year", "award", "change", "q", "format")) {
            String v = params.get(name);
            if (v != null && v.length() > MAX_PARAM) throw new Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.tooLong", name);
        }
        String unit = blankToNull(Params.id(params.get("unit")));
        boolean asked = unit != null;
        if (unit == null) unit = defaultUnit;
        else if (!units.contains(unit)) throw new Bad(HttpStatus.NOT_FOUND, "wbpreview.error.unit", "unit");
        int year = thisYear - 1;
        String y = blankToNull(params.get("year"));
        if (y != null) {
            try {
                year = Params.year(y);
            } catch (ProblemException e) {
                throw new Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.year", "year");
            }
            if (year > thisYear) throw new Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.year", "year");
        }
        String award = blankToNull(params.get("award"));
        if (award != null && !awards.contains(award)) throw new Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.award", "award");
        String change = blankToNull(params.get("change"));
        if (change != null && !CHANGE.matcher(change).matches()) throw new Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.change", "change");
        String text = blankToNull(params.get("q"));
        String format = blankToNull(params.get("format"));
        if (format != null && !FORMATS.contains(format)) throw new Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.format", "format");
        // A first visit has the box ticked; after that the address says (an unticked box sends nothing).
        String sub = params.get("includeSubunits");
        boolean subunits = !asked || sub != null && !sub.equals("false");
        return new PreviewQuery(unit, subunits, year, award, change, text, format, asked);
    }

    /** The form's values when the address could not be read: what of it is harmless, defaults for the rest. */
    static PreviewQuery lenient(HttpParameters params, Set<String> units, String defaultUnit, int thisYear) {
        String unit = Params.id(params.get("unit"));
        boolean known = unit != null && units.contains(unit);
        String text = params.get("q");
        if (text != null && text.length() > MAX_PARAM) text = text.substring(0, MAX_PARAM);
        return new PreviewQuery(known ? unit : defaultUnit, !known || params.get("includeSubunits") != null, thisYear - 1,
                null, null, text, null, false);
    }

    /** Whether a change passes the filters: the award, the transition, and every word of the text in the folded name or id. */
    boolean keeps(String award, String before, String after, String subjectId, String name) {
        if (this.award != null && !this.award.equals(award)) return false;
        if (change != null && !change.equals(before + ">" + after)) return false;
        if (text == null) return true;
        String hay = SubjectSearch.fold(subjectId) + " " + SubjectSearch.fold(name == null ? "" : name);
        for (String w : SubjectSearch.fold(text).split("[\\s,;]+")) {
            if (!w.isBlank() && !hay.contains(w)) return false;
        }
        return true;
    }

    boolean filtered() {
        return award != null || change != null || text != null;
    }

    /** The page's address with these choices and other filters (null: none), the format left out. */
    String url(long draftId, @Nullable String award, @Nullable String change, @Nullable String text, @Nullable String format) {
        StringBuilder b = new StringBuilder("/workbench/drafts/").append(draftId).append("/preview?unit=").append(enc(unit));
        b.append("&includeSubunits=").append(subunits).append("&year=").append(year);
        if (award != null) b.append("&award=").append(enc(award));
        if (change != null) b.append("&change=").append(enc(change));
        if (text != null) b.append("&q=").append(enc(text));
        if (format != null) b.append("&format=").append(format);
        return b.toString();
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
