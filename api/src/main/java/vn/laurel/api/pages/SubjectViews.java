package vn.laurel.api.pages;

import jakarta.inject.Singleton;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.engine.model.CampaignResultFact;
import vn.laurel.engine.model.ContributionFact;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the subject page shows of an enterprise or a household beside its answer (issue 21): its kind and founding
 * day, its contributions of work, land or assets and its results in emulation campaigns, each with its source, in
 * the page's language. A person's page shows the last two too when the person has any.
 */
@Singleton
public class SubjectViews {
    /** A contribution as a row: the year, its kind in words, its value in đồng (empty when not valued), what was given. */
    public record Contribution(String factId, int year, String kind, String value, String description, String source) {}

    /** A campaign result as a row: the year, the campaign, group and indicator in words, the value. */
    public record CampaignResult(String factId, int year, String campaign, String group, String indicator, String value, String source) {}

    private final ValueTexts values;

    public SubjectViews(ValueTexts values) {
        this.values = values;
    }

    /**
     * Puts into the model: {@code kindText} and {@code establishedOn} (an enterprise or a household; null for a
     * person), {@code contributions} and {@code campaignResults} (rows, most recent year first), and whether the
     * page shows each section ({@code showsContributions}, {@code showsCampaignResults}: always for the kinds they
     * are for, else when there is any).
     */
    public void fill(Map<String, Object> model, Subject s, String lang) {
        boolean person = s.kind() == SubjectKind.PERSON;
        model.put("subjectKind", s.kind().name());
        model.put("kindText", person ? null : values.codeOrSelf(s.kind().name(), lang));
        model.put("establishedOn", person || s.establishedOn() == null ? null : ValueTexts.date(s.establishedOn(), lang));
        List<Contribution> contributions = s.contributions().stream()
                .sorted(Comparator.comparing(ContributionFact::year, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(c -> new Contribution(c.id(), c.year() == null ? 0 : c.year(), values.codeOrSelf(c.kind().name(), lang),
                        c.valueVnd() == null ? "" : values.text(lang, "values.text.vnd", values.number(c.valueVnd(), lang)),
                        c.description() == null ? "" : c.description(), values.source(c.source(), lang)))
                .toList();
        List<CampaignResult> results = s.campaignResults().stream()
                .sorted(Comparator.comparing(CampaignResultFact::year, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(CampaignResultFact::campaign).thenComparing(CampaignResultFact::indicator))
                .map(r -> new CampaignResult(r.id(), r.year() == null ? 0 : r.year(), values.codeOrSelf(r.campaign(), lang),
                        values.codeOrSelf(r.group(), lang), values.codeOrSelf(r.indicator(), lang),
                        r.value() == null ? "" : values.number(r.value(), lang), values.source(r.source(), lang)))
                .toList();
        model.put("contributions", contributions);
        model.put("campaignResults", results);
        model.put("showsContributions", s.kind() == SubjectKind.HOUSEHOLD || !contributions.isEmpty());
        model.put("showsCampaignResults", s.kind() == SubjectKind.ENTERPRISE || !results.isEmpty());
    }
}
