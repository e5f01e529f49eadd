package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.engine.model.DisciplineStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The what-if form as its template draws it: every control with its id (= its name), its label and
 * value in the page's language, the options of each list, and the message of a field that is wrong,
 * so that the template only lays them out.
 */
final class WhatIfFormView {
    record Option(String value, String label, boolean selected) {}

    record Select(String id, String label, List<Option> options, String error) {}

    record Input(String id, String label, String value, String error) {}

    record Box(String id, String name, String value, String label, boolean checked) {}

    record Hidden(String name, String value) {}

    /** A year's fields; {@code rating}, {@code absence} null and {@code titles} empty where the kind has none. */
    record YearView(int year, String legend, boolean evaluationYear, Select rating, String titlesId, List<Box> titles,
                    String titlesError, Input absence, List<Select> attestations, String attestedLabel, List<Hidden> hidden,
                    boolean hasTitles) {}

    record CommendationView(int index, Input year, Select code, Select kind, Input decisionNo, Input decidedOn,
                            boolean revoked, List<Hidden> hidden) {}

    record InitiativeView(int index, Input year, Select level, Select kind, Input benefitVnd, Input title) {}

    record DisciplineView(int index, Select status, Select form, Input decidedOn, Input until, Input since) {}

    record ContributionView(int index, Input year, Select kind, Input valueVnd, Input description) {}

    record CampaignView(int index, Input year, Select campaign, Select group, Select indicator, Input value) {}

    record ErrorLink(String target, String text) {}

    record View(String subject, Input year, Input asOf, Input hiredOn, Input contractSince, Input deceasedOn,
                Select education, Select manager, Select unionMember, Select armedForces,
                List<YearView> years, String yearsError, boolean canAddYear, String addYearLabel,
                List<CommendationView> commendations, String commendationsError,
                List<InitiativeView> initiatives, String initiativesError,
                List<DisciplineView> disciplines, String disciplinesError,
                List<Hidden> revokedTitles, List<String> revokedNotes, String revokedError,
                List<ErrorLink> errors,
                String kind, boolean person, boolean enterprise, boolean household, Input establishedOn,
                List<ContributionView> contributions, String contributionsError,
                List<CampaignView> campaignResults, String campaignResultsError) {
        /** Contributions: a household's, or a person's (the case format gives them to both). */
        public boolean contributionsShown() { return person || household; }

        /** Campaign results: an enterprise's, or a person's in the campaign's individuals' group. */
        public boolean campaignResultsShown() { return person || enterprise; }
    }

    private final WhatIfForm f;
    private final WhatIfChoices c;

    private WhatIfFormView(WhatIfForm f, WhatIfChoices c) {
        this.f = f;
        this.c = c;
    }

    static View of(WhatIfForm f, WhatIfChoices c) {
        return new WhatIfFormView(f, c).view();
    }

    private View view() {
        List<YearView> years = new ArrayList<>();
        for (WhatIfForm.YearFacts y : f.years) years.add(year(y));
        List<CommendationView> commendations = new ArrayList<>();
        for (int i = 0; i < f.commendations.size(); i++) commendations.add(commendation(i, f.commendations.get(i)));
        List<InitiativeView> initiatives = new ArrayList<>();
        for (int i = 0; i < f.initiatives.size(); i++) initiatives.add(initiative(i, f.initiatives.get(i)));
        List<DisciplineView> disciplines = new ArrayList<>();
        for (int i = 0; i < f.disciplines.size(); i++) disciplines.add(discipline(i, f.disciplines.get(i)));
        List<ContributionView> contributions = new ArrayList<>();
        for (int i = 0; i < f.contributions.size(); i++) contributions.add(contribution(i, f.contributions.get(i)));
        List<CampaignView> campaignResults = new ArrayList<>();
        for (int i = 0; i < f.campaignResults.size(); i++) campaignResults.add(campaignResult(i, f.campaignResults.get(i)));
        List<Hidden> revoked = new ArrayList<>();
        List<String> revokedNotes = new ArrayList<>();
        for (int i = 0; i < f.revokedTitles.size(); i++) {
            WhatIfForm.RevokedTitle t = f.revokedTitles.get(i);
            String p = "rt-" + i + "-";
            revoked.add(new Hidden(p + "year", t.year()));
            revoked.add(new Hidden(p + "code", t.code()));
            revoked.add(new Hidden(p + "decisionNo", t.decisionNo()));
            revoked.add(new Hidden(p + "decidedOn", t.decidedOn()));
            revokedNotes.add(t.year() + ": " + c.awardName(t.code()) + (t.decisionNo().isEmpty() ? "" : " (" + t.decisionNo() + ")"));
        }
        return new View(f.subject,
                input("year", "whatif.evaluationYear", f.year), date("asOf", "whatif.asOf", f.asOf),
                date("hiredOn", "whatif.hiredOn", f.hiredOn), date("contractSince", "whatif.contractSince", f.contractSince),
                date("deceasedOn", "whatif.deceasedOn", f.deceasedOn),
                select("education", c.text("whatif.education"), f.education, c.educations(), "whatif.unknown"),
                yesNo("manager", "whatif.manager", f.manager), yesNo("unionMember", "whatif.unionMember", f.unionMember),
                yesNo("armedForces", "whatif.armedForces", f.armedForces),
                years, f.errors.get("years"), f.canAddYear(), c.text("whatif.addYear", f.nextYear()),
                commendations, f.errors.get("commendations"), initiatives, f.errors.get("initiatives"),
                disciplines, f.errors.get("disciplines"), revoked, revokedNotes, firstError("rt-", "revokedTitles"),
                errorLinks(),
                f.kind.name(), f.isPerson(), f.isEnterprise(), f.isHousehold(), date("establishedOn", "whatif.establishedOn", f.establishedOn),
                contributions, f.errors.get("contributions"), campaignResults, f.errors.get("campaignResults"));
    }

    private YearView year(WhatIfForm.YearFacts y) {
        String p = "-" + y.year;
        Set<String> codes = new LinkedHashSet<>();
        if (f.hasTitles()) c.titles(f.kind).forEach(t -> codes.add(t.code()));
        codes.addAll(y.titles);
        List<Box> titles = new ArrayList<>();
        for (String code : codes) {
            titles.add(new Box("title" + p + "-" + code, "title" + p, code, c.awardName(code), y.titles.contains(code)));
        }
        List<Hidden> hidden = new ArrayList<>();
        y.titleNo.forEach((code, no) -> hidden.add(new Hidden("titleNo" + p + "-" + code, no)));
        y.titleOn.forEach((code, on) -> hidden.add(new Hidden("titleOn" + p + "-" + code, on)));
        y.attestedBy.forEach((code, by) -> hidden.add(new Hidden("attBy" + p + "-" + code, by)));
        y.attestedOn.forEach((code, on) -> hidden.add(new Hidden("attOn" + p + "-" + code, on)));
        List<Select> attestations = new ArrayList<>();
        for (Map.Entry<String, String> a : c.attestations().entrySet()) {
            String id = "att" + p + "-" + a.getKey();
            attestations.add(withError(new Select(id, a.getValue(), options(y.attestations.getOrDefault(a.getKey(), ""), List.of(
                    new WhatIfChoices.Named("true", c.text("whatif.attested.true")),
                    new WhatIfChoices.Named("false", c.text("whatif.attested.false"))), "whatif.attested.none"), null),
                    "attBy" + p + "-" + a.getKey(), "attOn" + p + "-" + a.getKey()));
        }
        String titlesError = f.errors.get("title" + p);
        if (titlesError == null) titlesError = firstError("titleNo" + p + "-", "titleOn" + p + "-");
        return new YearView(y.year, c.text("whatif.yearLabel", y.year), String.valueOf(y.year).equals(f.year),
                f.hasRatings() ? select("rating" + p, c.text("whatif.rating"), y.rating, c.ratings(), "whatif.none") : null,
                "title" + p, titles, titlesError,
                f.isPerson() ? input("absence" + p, "whatif.absence", y.absence) : null, attestations,
                c.text("whatif.attestationsCount", y.attestations.size()), hidden, f.hasTitles());
    }

    private CommendationView commendation(int i, WhatIfForm.CommendationRow r) {
        String p = "com-" + i + "-";
        List<WhatIfChoices.Named> codes = new ArrayList<>(c.commendations(f.kind));
        List<Hidden> hidden = new ArrayList<>();
        if (!r.revoked().isEmpty()) hidden.add(new Hidden(p + "revoked", r.revoked()));
        return new CommendationView(i, input(p + "year", "whatif.year", r.year()),
                select(p + "code", c.text("whatif.award"), r.code(), codes, "whatif.removeRow"),
                select(p + "kind", c.text("whatif.commendationKind"), r.kind(), c.commendationKinds(), null),
                input(p + "decisionNo", "whatif.decisionNo", r.decisionNo()), date(p + "decidedOn", "whatif.decidedOn", r.decidedOn()),
                !r.revoked().isEmpty(), hidden);
    }

    private InitiativeView initiative(int i, WhatIfForm.InitiativeRow r) {
        String p = "ini-" + i + "-";
        return new InitiativeView(i, input(p + "year", "whatif.year", r.year()),
                select(p + "level", c.text("whatif.initiativeLevel"), r.level(), c.initiativeLevels(), "whatif.removeRow"),
                select(p + "kind", c.text("whatif.initiativeKind"), r.kind(), c.initiativeKinds(), null),
                input(p + "benefitVnd", "whatif.benefitVnd", r.benefitVnd()), input(p + "title", "whatif.initiativeTitle", r.title()));
    }

    private DisciplineView discipline(int i, WhatIfForm.DisciplineRow r) {
        String p = "dis-" + i + "-";
        return new DisciplineView(i,
                select(p + "status", c.text("whatif.disciplineStatus"), r.status().isEmpty() ? DisciplineStatus.DECIDED.name() : r.status(),
                        c.disciplineStatuses(), null),
                select(p + "form", c.text("whatif.disciplineForm"), r.form(), c.disciplineForms(), "whatif.none"),
                date(p + "decidedOn", "whatif.decidedOn", r.decidedOn()), date(p + "until", "whatif.until", r.until()),
                date(p + "since", "whatif.since", r.since()));
    }

    private ContributionView contribution(int i, WhatIfForm.ContributionRow r) {
        String p = "con-" + i + "-";
        return new ContributionView(i, input(p + "year", "whatif.year", r.year()),
                select(p + "kind", c.text("whatif.contributionKind"), r.kind(), c.contributionKinds(), "whatif.removeRow"),
                input(p + "valueVnd", "whatif.contributionValue", r.valueVnd()),
                input(p + "description", "whatif.contributionDescription", r.description()));
    }

    private CampaignView campaignResult(int i, WhatIfForm.CampaignRow r) {
        String p = "cr-" + i + "-";
        return new CampaignView(i, input(p + "year", "whatif.year", r.year()),
                select(p + "campaign", c.text("whatif.campaign"), r.campaign(), c.campaigns(), "whatif.removeRow"),
                select(p + "group", c.text("whatif.campaignGroup"), r.group(), c.campaignGroups(f.kind), "whatif.none"),
                select(p + "indicator", c.text("whatif.campaignIndicator"), r.indicator(), c.campaignIndicators(f.kind), "whatif.none"),
                input(p + "value", "whatif.campaignValue", r.value()));
    }

    private Input input(String id, String labelKey, String value) {
        return new Input(id, c.text(labelKey), value, f.errors.get(id));
    }

    /** A date field: dd/mm/yyyy on a Vietnamese page, yyyy-mm-dd on an English one; a wrong one as typed. */
    private Input date(String id, String labelKey, String value) {
        LocalDate d = value.length() == 10 && value.charAt(4) == '-' ? WhatIfForm.parseDate(value) : null;
        return new Input(id, c.text(labelKey), d == null ? value : ValueTexts.date(d, c.lang()), f.errors.get(id));
    }

    private Select yesNo(String id, String labelKey, String value) {
        return select(id, c.text(labelKey), value, List.of(new WhatIfChoices.Named("true", c.text("value.true")),
                new WhatIfChoices.Named("false", c.text("value.false"))), "whatif.unknown");
    }

    /** A list with an empty first choice ({@code noneKey}) when the value may be left out. */
    private Select select(String id, String label, String value, List<WhatIfChoices.Named> choices, String noneKey) {
        return new Select(id, label, options(value, choices, noneKey), f.errors.get(id));
    }

    private List<Option> options(String value, List<WhatIfChoices.Named> choices, String noneKey) {
        List<Option> out = new ArrayList<>();
        if (noneKey != null) out.add(new Option("", c.text(noneKey), value.isEmpty()));
        boolean found = value.isEmpty() && noneKey != null;
        for (WhatIfChoices.Named n : choices) {
            boolean selected = n.code().equals(value);
            found |= selected;
            out.add(new Option(n.code(), n.name(), selected));
        }
        // A value the list does not have (a code of another list, or a tampered form) is shown as it came, marked.
        if (!found && !value.isEmpty()) out.add(new Option(value, value, true));
        return out;
    }

    private Select withError(Select s, String... hiddenFields) {
        String e = f.errors.get(s.id());
        if (e == null) e = firstError(hiddenFields);
        return e == null ? s : new Select(s.id(), s.label(), s.options(), e);
    }

    private String firstError(String... prefixes) {
        for (Map.Entry<String, String> e : f.errors.entrySet()) {
            for (String p : prefixes) if (e.getKey().startsWith(p)) return e.getValue();
        }
        return null;
    }

    /** The error summary's links: each to the control (or group) that shows the error. */
    private List<ErrorLink> errorLinks() {
        List<ErrorLink> out = new ArrayList<>();
        f.errors.forEach((field, text) -> out.add(new ErrorLink(target(field), text)));
        return out;
    }

    static String target(String field) {
        String[] parts = field.split("-", 3);
        return switch (parts[0]) {
            case "titleNo", "titleOn" -> parts.length > 1 ? "title-" + parts[1] : "years";
            case "attBy", "attOn" -> "att-" + field.substring(parts[0].length() + 1);
            case "rt" -> "revokedTitles";
            case "comRows" -> "commendations";
            case "iniRows" -> "initiatives";
            case "disRows" -> "disciplines";
            case "conRows" -> "contributions";
            case "crRows" -> "campaignResults";
            case "rtRows" -> "revokedTitles";
            case "subject", "form" -> "whatif-errors";
            default -> field;
        };
    }
}
