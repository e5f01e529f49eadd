package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.caseformat.TextValues;
import vn.laurel.engine.model.AbsenceFact;
import vn.laurel.engine.model.AttestationFact;
import vn.laurel.engine.model.CampaignResultFact;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.CommendationFact;
import vn.laurel.engine.model.CommendationKind;
import vn.laurel.engine.model.ContributionFact;
import vn.laurel.engine.model.ContributionKind;
import vn.laurel.engine.model.DisciplineFact;
import vn.laurel.engine.model.DisciplineForm;
import vn.laurel.engine.model.DisciplineStatus;
import vn.laurel.engine.model.Education;
import vn.laurel.engine.model.InitiativeFact;
import vn.laurel.engine.model.InitiativeKind;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.model.RatingFact;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.model.TitleFact;
import vn.laurel.engine.catalogue.Campaign;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A copy of a subject's facts (a person's, an enterprise's or a household's) as the what-if form holds them: every value as the text of a form
 * field, so that a form posted with mistakes comes back as it was typed, each mistake next to its
 * field. Read from a case document (the stored subject's, as the API evaluates it), or from a posted
 * form (checked field by field, with messages in the page's language), and written back as a case
 * document (shared/reference/case-format.md) for the API's reader to check once more.
 *
 * <p>Ratings, titles, absences and attestations are kept per year (at most one rating, one absence
 * figure and one answer per attestation in a year: the engine sums absences and takes the latest
 * attestation, so nothing it decides on is lost); commendations, initiatives and disciplines are rows.
 *
 * <p>Each kind has its own fields ({@link #kind}, the stored subject's: never the posted form's): a person the
 * personal details, ratings, titles, absences, initiatives and disciplines; an enterprise its founding day,
 * ratings, the titles given to collectives and its campaign results; a household its contributions of work, land
 * or assets. Every kind has attestations and commendations. The form neither reads nor writes another kind's
 * fields, so the case it makes has only what the case format accepts for the kind.
 */
final class WhatIfForm {
    static final int MAX_YEARS = 40;
    static final int MAX_COMMENDATIONS = 50;
    static final int MAX_INITIATIVES = 50;
    static final int MAX_DISCIPLINES = 20;
    static final int MAX_REVOKED_TITLES = 100;
    static final int MAX_CONTRIBUTIONS = 50;
    static final int MAX_CAMPAIGN_RESULTS = 50;
    static final int MAX_DESCRIPTION = 500;
    /** A campaign indicator's value: at most this many characters, and within ±{@link #MAX_CAMPAIGN_VALUE}. */
    static final int MAX_VALUE_TEXT = 20;
    private static final BigDecimal MAX_CAMPAIGN_VALUE = new BigDecimal("1000000000000");
    static final int MAX_ID = 64;
    static final int MAX_TEXT = 200;
    static final int MAX_INITIATIVE_TITLE = 500;
    static final int MAX_DECISION_NO = 100;
    static final int MIN_YEAR = 1945;
    static final int MAX_YEAR = 2100;
    /** The years the form shows at least: the evaluation year and the nine before it. */
    static final int SHOWN_YEARS = 10;
    private static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);
    private static final long MAX_BENEFIT = 1_000_000_000_000_000L;

    /** A year's rating, titles, absence and attestations. */
    static final class YearFacts {
        final int year;
        String rating = "";
        final Set<String> titles = new LinkedHashSet<>();
        final Map<String, String> titleNo = new TreeMap<>();
        final Map<String, String> titleOn = new TreeMap<>();
        String absence = "";
        /** Attestation code → "true" or "false"; a code without an answer is absent. */
        final Map<String, String> attestations = new LinkedHashMap<>();
        final Map<String, String> attestedBy = new TreeMap<>();
        final Map<String, String> attestedOn = new TreeMap<>();

        YearFacts(int year) { this.year = year; }
    }

    record CommendationRow(String year, String code, String kind, String decisionNo, String decidedOn, String revoked) {
        static CommendationRow blank() { return new CommendationRow("", "", "", "", "", ""); }
        boolean isBlank() { return code.isBlank(); }
    }

    record InitiativeRow(String year, String level, String kind, String benefitVnd, String title) {
        static InitiativeRow blank() { return new InitiativeRow("", "", "", "", ""); }
        boolean isBlank() { return level.isBlank(); }
    }

    record DisciplineRow(String status, String form, String decidedOn, String until, String since) {
        static DisciplineRow blank() { return new DisciplineRow(DisciplineStatus.DECIDED.name(), "", "", "", ""); }
        boolean isBlank() { return form.isBlank() && !DisciplineStatus.PENDING.name().equals(status); }
    }

    /** A household's contribution of work, land or assets; a row without a kind is left out. */
    record ContributionRow(String year, String kind, String valueVnd, String description) {
        static ContributionRow blank() { return new ContributionRow("", "", "", ""); }
        boolean isBlank() { return kind.isBlank(); }
    }

    /** A result in an emulation campaign; a row without a campaign is left out. */
    record CampaignRow(String year, String campaign, String group, String indicator, String value) {
        static CampaignRow blank() { return new CampaignRow("", "", "", "", ""); }
        boolean isBlank() { return campaign.isBlank(); }
    }

    /** A revoked title: it counts for nothing, but the copy keeps it (hidden fields) like every other fact. */
    record RevokedTitle(String year, String code, String decisionNo, String decidedOn) {}

    String subject = "";
    /** The stored subject's kind: which fields the form has. */
    SubjectKind kind = SubjectKind.PERSON;
    String year = "";
    String asOf = "";
    String hiredOn = "";
    String contractSince = "";
    String deceasedOn = "";
    String education = "";
    String manager = "";
    String unionMember = "";
    String armedForces = "";
    /** An enterprise's or a household's founding day. */
    String establishedOn = "";
    /** Newest year first. */
    final List<YearFacts> years = new ArrayList<>();
    final List<CommendationRow> commendations = new ArrayList<>();
    final List<InitiativeRow> initiatives = new ArrayList<>();
    final List<DisciplineRow> disciplines = new ArrayList<>();
    final List<RevokedTitle> revokedTitles = new ArrayList<>();
    final List<ContributionRow> contributions = new ArrayList<>();
    final List<CampaignRow> campaignResults = new ArrayList<>();
    /** Form field (or fieldset) → what is wrong with it, its label included, in the page's language. */
    final Map<String, String> errors = new LinkedHashMap<>();

    private WhatIfForm() {}

    // ---------------------------------------------------------------- from a case document

    /** The form of a case document: the stored subject's facts, as the API evaluates them. */
    static WhatIfForm of(CaseDocument doc) {
        WhatIfForm f = new WhatIfForm();
        Subject s = doc.subject();
        f.subject = s.id();
        f.kind = s.kind() == null ? SubjectKind.PERSON : s.kind();
        f.year = String.valueOf(doc.year());
        f.asOf = text(doc.asOf());
        f.hiredOn = text(s.hiredOn());
        f.contractSince = text(s.contractSince());
        f.deceasedOn = text(s.deceasedOn());
        f.education = s.education() == null ? "" : s.education().name();
        f.manager = text(s.manager());
        f.unionMember = text(s.unionMember());
        f.armedForces = text(s.armedForces());
        f.establishedOn = text(s.establishedOn());
        Map<Integer, YearFacts> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (int y = doc.year(); y > doc.year() - SHOWN_YEARS; y--) byYear.put(y, new YearFacts(y));
        for (RatingFact r : s.ratings()) {
            if (r.year() != null && r.rating() != null) f.yearOf(byYear, r.year()).rating = r.rating().name();
        }
        for (TitleFact t : s.titles()) {
            if (t.year() == null || t.code() == null) continue;
            if (!t.isValid()) {
                f.revokedTitles.add(new RevokedTitle(String.valueOf(t.year()), t.code(), nz(t.decisionNo()), text(t.decidedOn())));
                continue;
            }
            YearFacts y = f.yearOf(byYear, t.year());
            y.titles.add(t.code());
            if (t.decisionNo() != null) y.titleNo.putIfAbsent(t.code(), t.decisionNo());
            if (t.decidedOn() != null) y.titleOn.putIfAbsent(t.code(), t.decidedOn().toString());
        }
        Map<Integer, Integer> absent = new TreeMap<>();
        for (AbsenceFact a : s.absences()) {
            if (a.year() != null && a.days() != null) absent.merge(a.year(), a.days(), Integer::sum);
        }
        absent.forEach((y, days) -> f.yearOf(byYear, y).absence = String.valueOf(days));
        for (AttestationFact a : s.attestations()) {
            if (a.year() == null || a.criterion() == null || a.value() == null) continue;
            YearFacts y = f.yearOf(byYear, a.year());
            y.attestations.remove(a.criterion()); // the latest wins, as in the engine
            y.attestations.put(a.criterion(), a.value().toString());
            put(y.attestedBy, a.criterion(), a.attestedBy());
            put(y.attestedOn, a.criterion(), text(a.attestedOn()));
        }
        f.years.addAll(byYear.values());
        for (CommendationFact c : s.commendations()) {
            f.commendations.add(new CommendationRow(text(c.year()), nz(c.code()), c.kind() == null ? "" : c.kind().name(),
                    nz(c.decisionNo()), text(c.decidedOn()), Boolean.TRUE.equals(c.revoked()) ? "true" : ""));
        }
        for (InitiativeFact i : s.initiatives()) {
            f.initiatives.add(new InitiativeRow(text(i.year()), i.level() == null ? "" : i.level().name(),
                    i.kind() == null ? "" : i.kind().name(), text(i.benefitVnd()), nz(i.title())));
        }
        for (DisciplineFact d : s.disciplines()) {
            f.disciplines.add(new DisciplineRow(d.status().name(), d.form() == null ? "" : d.form().name(),
                    text(d.decidedOn()), text(d.until()), text(d.since())));
        }
        for (ContributionFact c : s.contributions()) {
            f.contributions.add(new ContributionRow(text(c.year()), c.kind() == null ? "" : c.kind().name(), text(c.valueVnd()),
                    nz(c.description())));
        }
        for (CampaignResultFact r : s.campaignResults()) {
            f.campaignResults.add(new CampaignRow(text(r.year()), nz(r.campaign()), nz(r.group()), nz(r.indicator()),
                    r.value() == null ? "" : r.value().toPlainString()));
        }
        return f;
    }

    boolean isPerson() { return kind == SubjectKind.PERSON; }

    boolean isEnterprise() { return kind == SubjectKind.ENTERPRISE; }

    boolean isHousehold() { return kind == SubjectKind.HOUSEHOLD; }

    /** Contributions of work, land or assets: a household's, or a person's (the case format's kinds). */
    boolean hasContributions() { return kind == SubjectKind.HOUSEHOLD || kind == SubjectKind.PERSON; }

    /** Results in a campaign: an enterprise's, or a person's in the individuals' group. */
    boolean hasCampaignResults() { return kind == SubjectKind.ENTERPRISE || kind == SubjectKind.PERSON; }

    /** Whether a year of the form has a rating (persons and enterprises; a household is not rated). */
    boolean hasRatings() { return kind != SubjectKind.HOUSEHOLD; }

    /** Whether a year of the form has emulation titles (persons and enterprises). */
    boolean hasTitles() { return kind != SubjectKind.HOUSEHOLD; }

    private YearFacts yearOf(Map<Integer, YearFacts> byYear, int y) {
        return byYear.computeIfAbsent(y, YearFacts::new);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value == null || value.isEmpty()) map.remove(key);
        else map.put(key, value);
    }

    private static String text(Object v) { return v == null ? "" : v.toString(); }

    private static String nz(String s) { return s == null ? "" : s; }

    // ---------------------------------------------------------------- from a posted form

    /** The posted form of a person, every field checked; {@link #errors} says what is wrong, in the page's language. */
    static WhatIfForm parse(WhatIfFormBody body, WhatIfChoices c) {
        return parse(body, c, SubjectKind.PERSON);
    }

    /** The posted form of a subject of the kind (the stored subject's): the kind's fields, each checked. */
    static WhatIfForm parse(WhatIfFormBody body, WhatIfChoices c, SubjectKind kind) {
        WhatIfForm f = new WhatIfForm();
        f.kind = kind == null ? SubjectKind.PERSON : kind;
        new Reader(f, body, c).read();
        return f;
    }

    /** Reads and checks the posted fields one by one; a wrong one is kept as typed (cut to its limit) and marked. */
    private static final class Reader {
        private final WhatIfForm f;
        private final WhatIfFormBody b;
        private final WhatIfChoices c;

        Reader(WhatIfForm f, WhatIfFormBody b, WhatIfChoices c) {
            this.f = f;
            this.b = b;
            this.c = c;
        }

        void read() {
            f.subject = text("subject", MAX_ID, c.text("whatif.subject"));
            f.year = text("year", 4, c.text("whatif.evaluationYear"));
            Integer y = year("year", f.year, c.text("whatif.evaluationYear"));
            f.asOf = text("asOf", 10, c.text("whatif.asOf"));
            LocalDate asOf = date("asOf", f.asOf, c.text("whatif.asOf"), true);
            if (asOf != null) f.asOf = asOf.toString();
            if (y != null && asOf != null && y > asOf.getYear()) {
                error("year", c.text("whatif.evaluationYear"), c.text("whatif.error.yearAfterAsOf", y, ValueTexts.date(asOf, c.lang())));
            }
            if (f.isPerson()) {
                f.hiredOn = dateField("hiredOn", c.text("whatif.hiredOn"));
                f.contractSince = dateField("contractSince", c.text("whatif.contractSince"));
                f.deceasedOn = dateField("deceasedOn", c.text("whatif.deceasedOn"));
                f.education = choice("education", c.text("whatif.education"), Education.class);
                f.manager = bool("manager", c.text("whatif.manager"));
                f.unionMember = bool("unionMember", c.text("whatif.unionMember"));
                f.armedForces = bool("armedForces", c.text("whatif.armedForces"));
            } else {
                f.establishedOn = dateField("establishedOn", c.text("whatif.establishedOn"));
            }
            years();
            commendations();
            if (f.isPerson()) {
                initiatives();
                disciplines();
            }
            if (f.hasTitles()) revokedTitles();
            // a person may have contributions and campaign results too (the campaign's individuals' group)
            if (f.hasContributions()) contributions();
            if (f.hasCampaignResults()) campaignResults();
        }

        private void years() {
            Set<Integer> seen = new LinkedHashSet<>();
            for (String raw : b.all("years")) {
                String v = raw.strip();
                Integer y = year("years", v.length() > 4 ? v.substring(0, 4) + "…" : v, c.text("whatif.years"));
                if (y != null) seen.add(y);
            }
            List<Integer> list = new ArrayList<>(seen);
            list.sort(Comparator.reverseOrder());
            if (list.size() > MAX_YEARS) {
                error("years", c.text("whatif.years"), c.text("whatif.error.tooManyYears", MAX_YEARS));
                list = list.subList(0, MAX_YEARS);
            }
            for (int year : list) f.years.add(yearFacts(year));
        }

        private YearFacts yearFacts(int year) {
            YearFacts y = new YearFacts(year);
            String at = c.text("whatif.yearLabel", year) + " · ";
            if (f.hasRatings()) y.rating = choice("rating-" + year, at + c.text("whatif.rating"), Rating.class);
            for (String code : f.hasTitles() ? b.all("title-" + year) : List.<String>of()) {
                String v = cut(code.strip(), MAX_ID);
                if (!c.isTitle(v, f.kind)) {
                    error("title-" + year, at + c.text("whatif.titles"), c.text("whatif.error.choice", v));
                } else {
                    y.titles.add(v);
                }
            }
            for (String code : y.titles) {
                String no = text("titleNo-" + year + "-" + code, MAX_DECISION_NO, at + c.awardName(code));
                if (!no.isEmpty()) y.titleNo.put(code, no);
                String on = dateField("titleOn-" + year + "-" + code, at + c.awardName(code));
                if (!on.isEmpty()) y.titleOn.put(code, on);
            }
            if (f.isPerson()) y.absence = number("absence-" + year, at + c.text("whatif.absence"), 0, 366);
            for (String code : c.attestations().keySet()) {
                String field = "att-" + year + "-" + code;
                String label = at + c.attestationName(code);
                String v = text(field, 40, label);
                if (v.isEmpty()) continue;
                if (!v.equals("true") && !v.equals("false")) {
                    error(field, label, c.text("whatif.error.choice", v));
                    continue;
                }
                y.attestations.put(code, v);
                String by = text("attBy-" + year + "-" + code, MAX_TEXT, label);
                if (!by.isEmpty()) y.attestedBy.put(code, by);
                String on = dateField("attOn-" + year + "-" + code, label);
                if (!on.isEmpty()) y.attestedOn.put(code, on);
            }
            return y;
        }

        private void commendations() {
            int n = rows("comRows", "commendations", c.text("whatif.commendations"), MAX_COMMENDATIONS);
            for (int i = 0; i < n; i++) {
                String p = "com-" + i + "-";
                String at = c.text("whatif.commendations") + " " + (i + 1) + " · ";
                String code = text(p + "code", MAX_ID, at + c.text("whatif.award"));
                CommendationRow row = new CommendationRow(text(p + "year", 4, at + c.text("whatif.year")), code,
                        choice(p + "kind", at + c.text("whatif.commendationKind"), CommendationKind.class),
                        text(p + "decisionNo", MAX_DECISION_NO, at + c.text("whatif.decisionNo")),
                        dateField(p + "decidedOn", at + c.text("whatif.decidedOn")), flag(p + "revoked", at + c.text("whatif.revoked")));
                if (!row.isBlank()) {
                    if (!c.isCommendation(code)) error(p + "code", at + c.text("whatif.award"), c.text("whatif.error.choice", code));
                    year(p + "year", row.year(), at + c.text("whatif.year"));
                }
                f.commendations.add(row);
            }
        }

        private void initiatives() {
            int n = rows("iniRows", "initiatives", c.text("whatif.initiatives"), MAX_INITIATIVES);
            for (int i = 0; i < n; i++) {
                String p = "ini-" + i + "-";
                String at = c.text("whatif.initiatives") + " " + (i + 1) + " · ";
                InitiativeRow row = new InitiativeRow(text(p + "year", 4, at + c.text("whatif.year")),
                        choice(p + "level", at + c.text("whatif.initiativeLevel"), InitiativeLevel.class),
                        choice(p + "kind", at + c.text("whatif.initiativeKind"), InitiativeKind.class),
                        number(p + "benefitVnd", at + c.text("whatif.benefitVnd"), 0, MAX_BENEFIT),
                        text(p + "title", MAX_INITIATIVE_TITLE, at + c.text("whatif.initiativeTitle")));
                if (!row.isBlank()) year(p + "year", row.year(), at + c.text("whatif.year"));
                f.initiatives.add(row);
            }
        }

        private void disciplines() {
            int n = rows("disRows", "disciplines", c.text("whatif.disciplines"), MAX_DISCIPLINES);
            for (int i = 0; i < n; i++) {
                String p = "dis-" + i + "-";
                String at = c.text("whatif.disciplines") + " " + (i + 1) + " · ";
                String status = choice(p + "status", at + c.text("whatif.disciplineStatus"), DisciplineStatus.class);
                DisciplineRow row = new DisciplineRow(status.isEmpty() ? DisciplineStatus.DECIDED.name() : status,
                        choice(p + "form", at + c.text("whatif.disciplineForm"), DisciplineForm.class),
                        dateField(p + "decidedOn", at + c.text("whatif.decidedOn")),
                        dateField(p + "until", at + c.text("whatif.until")),
                        dateField(p + "since", at + c.text("whatif.since")));
                if (!row.isBlank() && DisciplineStatus.DECIDED.name().equals(row.status())) {
                    if (row.form().isEmpty()) error(p + "form", at + c.text("whatif.disciplineForm"), c.text("whatif.error.required"));
                    if (row.decidedOn().isEmpty() && !f.errors.containsKey(p + "decidedOn")) {
                        error(p + "decidedOn", at + c.text("whatif.decidedOn"), c.text("whatif.error.required"));
                    }
                }
                f.disciplines.add(row);
            }
        }

        private void revokedTitles() {
            int n = rows("rtRows", "revokedTitles", c.text("whatif.revokedTitles"), MAX_REVOKED_TITLES);
            for (int i = 0; i < n; i++) {
                String p = "rt-" + i + "-";
                String label = c.text("whatif.revokedTitles") + " " + (i + 1);
                RevokedTitle t = new RevokedTitle(text(p + "year", 4, label), text(p + "code", MAX_ID, label),
                        text(p + "decisionNo", MAX_DECISION_NO, label), dateField(p + "decidedOn", label));
                year(p + "year", t.year(), label);
                if (!c.isTitle(t.code(), f.kind)) error(p + "code", label, c.text("whatif.error.choice", t.code()));
                f.revokedTitles.add(t);
            }
        }

        private void contributions() {
            int n = rows("conRows", "contributions", c.text("whatif.contributions"), MAX_CONTRIBUTIONS);
            for (int i = 0; i < n; i++) {
                String p = "con-" + i + "-";
                String at = c.text("whatif.contributions") + " " + (i + 1) + " · ";
                ContributionRow row = new ContributionRow(text(p + "year", 4, at + c.text("whatif.year")),
                        choice(p + "kind", at + c.text("whatif.contributionKind"), ContributionKind.class),
                        number(p + "valueVnd", at + c.text("whatif.contributionValue"), 0, MAX_BENEFIT),
                        text(p + "description", MAX_DESCRIPTION, at + c.text("whatif.contributionDescription")));
                if (!row.isBlank()) year(p + "year", row.year(), at + c.text("whatif.year"));
                f.contributions.add(row);
            }
        }

        /**
         * Campaign results: a campaign of the rule set, one of its groups that admits the subject's kind, one of the
         * group's indicators, a year of the campaign's period and a value; each mistake named here, in the page's
         * language, before the API's code check would name it in its own.
         */
        private void campaignResults() {
            int n = rows("crRows", "campaignResults", c.text("whatif.campaignResults"), MAX_CAMPAIGN_RESULTS);
            for (int i = 0; i < n; i++) {
                String p = "cr-" + i + "-";
                String at = c.text("whatif.campaignResults") + " " + (i + 1) + " · ";
                CampaignRow row = new CampaignRow(text(p + "year", 4, at + c.text("whatif.year")),
                        text(p + "campaign", MAX_ID, at + c.text("whatif.campaign")),
                        text(p + "group", MAX_ID, at + c.text("whatif.campaignGroup")),
                        text(p + "indicator", MAX_ID, at + c.text("whatif.campaignIndicator")),
                        text(p + "value", MAX_VALUE_TEXT, at + c.text("whatif.campaignValue")));
                row = new CampaignRow(row.year(), row.campaign(), row.group(), row.indicator(), decimalText(row.value()));
                f.campaignResults.add(row);
                if (row.isBlank()) continue;
                Integer y = year(p + "year", row.year(), at + c.text("whatif.year"));
                String value = row.value();
                if (value.isEmpty()) error(p + "value", at + c.text("whatif.campaignValue"), c.text("whatif.error.required"));
                else if (decimal(value) == null) error(p + "value", at + c.text("whatif.campaignValue"), c.text("whatif.error.decimal"));
                Campaign campaign = c.campaign(row.campaign()).orElse(null);
                if (campaign == null) {
                    error(p + "campaign", at + c.text("whatif.campaign"), c.text("whatif.error.choice", row.campaign()));
                    continue;
                }
                if (y != null && !campaign.covers(y)) {
                    error(p + "year", at + c.text("whatif.year"), c.text("whatif.error.campaignYear", campaign.from(), campaign.to()));
                }
                Campaign.Group group = campaign.group(row.group()).filter(g -> g.admits(f.kind)).orElse(null);
                if (group == null) {
                    error(p + "group", at + c.text("whatif.campaignGroup"), row.group().isEmpty() ? c.text("whatif.error.required")
                            : c.text("whatif.error.campaignGroup", row.group(), c.campaignName(campaign)));
                    continue;
                }
                if (group.indicator(row.indicator()).isEmpty()) {
                    error(p + "indicator", at + c.text("whatif.campaignIndicator"), row.indicator().isEmpty() ? c.text("whatif.error.required")
                            : c.text("whatif.error.campaignIndicator", row.indicator(), c.groupName(group)));
                }
            }
        }

        /** The number of rows a table says it has: at most {@code max}, more is marked on the table. */
        private int rows(String field, String table, String label, int max) {
            String v = text(field, 6, label);
            if (v.isEmpty()) return 0;
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                error(table, label, c.text("whatif.error.number", 0, max));
                return 0;
            }
            if (n < 0) {
                error(table, label, c.text("whatif.error.number", 0, max));
                return 0;
            }
            if (n > max) {
                error(table, label, c.text("whatif.error.tooManyRows", max));
                return max;
            }
            return n;
        }

        private String text(String field, int max, String label) {
            String v = b.first(field);
            if (v.length() > max) {
                error(field, label, c.text("whatif.error.tooLong", max));
                v = cut(v, max);
            }
            if (TextValues.fault(v) != null) {
                // A NUL or a lone surrogate can be neither stored nor shown back: refused, and dropped from the copy shown.
                error(field, label, c.text("whatif.error.characters"));
                return printable(v);
            }
            return v;
        }

        private <E extends Enum<E>> String choice(String field, String label, Class<E> type) {
            String v = text(field, 40, label);
            if (!v.isEmpty() && !WhatIfChoices.isOneOf(type, v)) error(field, label, c.text("whatif.error.choice", v));
            return v;
        }

        private String bool(String field, String label) {
            String v = text(field, 40, label);
            if (!v.isEmpty() && !v.equals("true") && !v.equals("false")) error(field, label, c.text("whatif.error.choice", v));
            return v;
        }

        private String flag(String field, String label) {
            String v = text(field, 40, label);
            if (!v.isEmpty() && !v.equals("true")) error(field, label, c.text("whatif.error.choice", v));
            return v;
        }

        private String number(String field, String label, long min, long max) {
            String v = text(field, 20, label);
            if (v.isEmpty()) return v;
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) error(field, label, c.text("whatif.error.number", min, max));
            } catch (NumberFormatException e) {
                error(field, label, c.text("whatif.error.number", min, max));
            }
            return v;
        }

        /** A date as typed (dd/mm/yyyy or yyyy-mm-dd), kept as yyyy-mm-dd once it is one. */
        private String dateField(String field, String label) {
            String v = text(field, 10, label);
            LocalDate d = date(field, v, label, false);
            return d == null ? v : d.toString();
        }

        private LocalDate date(String field, String v, String label, boolean required) {
            if (v.isEmpty()) {
                if (required) error(field, label, c.text("whatif.error.required"));
                return null;
            }
            LocalDate d = parseDate(v);
            if (d == null || d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
                error(field, label, c.text("whatif.error.date"));
                return null;
            }
            return d;
        }

        private Integer year(String field, String v, String label) {
            if (v.isEmpty()) {
                error(field, label, c.text("whatif.error.required"));
                return null;
            }
            try {
                int y = Integer.parseInt(v);
                if (y >= MIN_YEAR && y <= MAX_YEAR) return y;
            } catch (NumberFormatException e) {
                // refused below
            }
            error(field, label, c.text("whatif.error.year", MIN_YEAR, MAX_YEAR));
            return null;
        }

        private void error(String field, String label, String problem) {
            f.errors.putIfAbsent(field, label + ": " + problem);
        }
    }

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A date as Vietnamese pages write it (dd/mm/yyyy) or as ISO (yyyy-mm-dd); null when it is neither. */
    static LocalDate parseDate(String v) {
        try {
            return v.contains("/") ? LocalDate.parse(v, DAY_MONTH_YEAR) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text without control characters (tab and line breaks kept) and without lone surrogates. */
    static String printable(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                b.append(ch).append(v.charAt(++i));
            } else if (!Character.isSurrogate(ch) && (ch >= 0x20 && ch != 0x7F || ch == '\t' || ch == '\n' || ch == '\r')) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String cut(String v, int max) {
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** A value as typed, a decimal comma (76,5) read as a point when the value has no point. */
    static String decimalText(String v) {
        return v.indexOf(',') >= 0 && v.indexOf('.') < 0 && v.indexOf(',') == v.lastIndexOf(',') ? v.replace(',', '.') : v;
    }

    /** A campaign indicator's value, plain decimal within ±10^12; null when it is not one. */
    static BigDecimal decimal(String v) {
        if (v.isEmpty() || !v.matches("-?[0-9]+(\\.[0-9]+)?")) return null;
        BigDecimal d = new BigDecimal(v);
        return d.abs().compareTo(MAX_CAMPAIGN_VALUE) > 0 ? null : d;
    }

    // ---------------------------------------------------------------- editing

    /** One more year (the one before the earliest shown) or one more blank row of a table. */
    void add(String what) {
        switch (what) {
            case "year" -> { if (canAddYear()) years.add(new YearFacts(nextYear())); }
            case "commendation" -> { if (commendations.size() < MAX_COMMENDATIONS) commendations.add(CommendationRow.blank()); }
            case "initiative" -> { if (initiatives.size() < MAX_INITIATIVES) initiatives.add(InitiativeRow.blank()); }
            case "discipline" -> { if (disciplines.size() < MAX_DISCIPLINES) disciplines.add(DisciplineRow.blank()); }
            case "contribution" -> { if (contributions.size() < MAX_CONTRIBUTIONS) contributions.add(ContributionRow.blank()); }
            case "campaignResult" -> { if (campaignResults.size() < MAX_CAMPAIGN_RESULTS) campaignResults.add(CampaignRow.blank()); }
            default -> { }
        }
    }

    /** The year "add a year" adds: the one before the earliest shown, or the evaluation year when none is. */
    int nextYear() {
        int earliest = years.stream().mapToInt(y -> y.year).min().orElse(MAX_YEAR + 1);
        if (earliest <= MAX_YEAR) return earliest - 1;
        try {
            return Math.min(MAX_YEAR, Math.max(MIN_YEAR, Integer.parseInt(year)));
        } catch (NumberFormatException e) {
            return LocalDate.now().getYear() - 1;
        }
    }

    boolean canAddYear() {
        return years.size() < MAX_YEARS && nextYear() >= MIN_YEAR;
    }

    // ---------------------------------------------------------------- to a case document

    /** A case document and, for each of its JSON paths, the form field it came from (to mark the reader's complaints). */
    record Case(Map<String, Object> document, Map<String, String> fieldOfPath) {
        /** The form field a reader's complaint is about: the longest path of the document that leads to it. */
        String fieldOf(FieldError e) {
            String path = e.field();
            while (true) {
                String field = fieldOfPath.get(path);
                if (field != null) return field;
                int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
                if (cut <= 0) return "form";
                path = path.substring(0, cut);
            }
        }
    }

    /**
     * The case document of this form (checked: no errors): the stored subject's identity, unit and
     * organisation, which the form does not edit, with the form's facts.
     */
    Case toCase(Subject stored, Organisation organisation) {
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asOf", asOf);
        paths.put("asOf", "asOf");
        doc.put("year", Integer.parseInt(year));
        paths.put("year", "year");
        if (organisation != null) {
            Map<String, Object> org = new LinkedHashMap<>();
            putText(org, "code", organisation.code());
            putText(org, "sector", organisation.sector());
            doc.put("organisation", org);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", stored.id());
        s.put("kind", stored.kind().name());
        putText(s, "name", stored.name());
        putText(s, "unit", stored.unit());
        if (isPerson()) {
            attribute(s, paths, "hiredOn", hiredOn);
            attribute(s, paths, "contractSince", contractSince);
            attribute(s, paths, "deceasedOn", deceasedOn);
            attribute(s, paths, "education", education);
            if (!manager.isEmpty()) { s.put("manager", Boolean.parseBoolean(manager)); paths.put("subject.manager", "manager"); }
            if (!unionMember.isEmpty()) { s.put("unionMember", Boolean.parseBoolean(unionMember)); paths.put("subject.unionMember", "unionMember"); }
            if (!armedForces.isEmpty()) { s.put("armedForces", Boolean.parseBoolean(armedForces)); paths.put("subject.armedForces", "armedForces"); }
        } else {
            attribute(s, paths, "establishedOn", establishedOn);
        }

        List<Object> ratings = new ArrayList<>(), titles = new ArrayList<>(), absences = new ArrayList<>(), attestations = new ArrayList<>();
        for (YearFacts y : years) {
            if (!y.rating.isEmpty()) {
                paths.put("subject.ratings[" + ratings.size() + "]", "rating-" + y.year);
                ratings.add(Map.of("year", y.year, "rating", y.rating));
            }
            for (String code : y.titles) {
                paths.put("subject.titles[" + titles.size() + "]", "title-" + y.year);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("year", y.year);
                t.put("code", code);
                putText(t, "decisionNo", y.titleNo.get(code));
                putText(t, "decidedOn", y.titleOn.get(code));
                titles.add(t);
            }
            if (!y.absence.isEmpty()) {
                paths.put("subject.absences[" + absences.size() + "]", "absence-" + y.year);
                absences.add(Map.of("year", y.year, "days", Integer.parseInt(y.absence)));
            }
            y.attestations.forEach((code, value) -> {
                paths.put("subject.attestations[" + attestations.size() + "]", "att-" + y.year + "-" + code);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("year", y.year);
                a.put("criterion", code);
                a.put("value", Boolean.parseBoolean(value));
                putText(a, "attestedBy", y.attestedBy.get(code));
                putText(a, "attestedOn", y.attestedOn.get(code));
                attestations.add(a);
            });
        }
        for (int i = 0; i < revokedTitles.size(); i++) {
            RevokedTitle r = revokedTitles.get(i);
            paths.put("subject.titles[" + titles.size() + "]", "rt-" + i + "-code");
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("year", Integer.parseInt(r.year()));
            t.put("code", r.code());
            putText(t, "decisionNo", r.decisionNo());
            putText(t, "decidedOn", r.decidedOn());
            t.put("revoked", true);
            titles.add(t);
        }
        List<Object> commendationList = new ArrayList<>();
        for (int i = 0; i < commendations.size(); i++) {
            CommendationRow r = commendations.get(i);
            if (r.isBlank()) continue;
            paths.put("subject.commendations[" + commendationList.size() + "]", "com-" + i + "-code");
            paths.put("subject.commendations[" + commendationList.size() + "].decidedOn", "com-" + i + "-decidedOn");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", Integer.parseInt(r.year()));
            m.put("code", r.code());
            putText(m, "kind", r.kind());
            putText(m, "decisionNo", r.decisionNo());
            putText(m, "decidedOn", r.decidedOn());
            if (!r.revoked().isEmpty()) m.put("revoked", true);
            commendationList.add(m);
        }
        List<Object> initiativeList = new ArrayList<>();
        for (int i = 0; i < initiatives.size(); i++) {
            InitiativeRow r = initiatives.get(i);
            if (r.isBlank()) continue;
            paths.put("subject.initiatives[" + initiativeList.size() + "]", "ini-" + i + "-level");
            paths.put("subject.initiatives[" + initiativeList.size() + "].benefitVnd", "ini-" + i + "-benefitVnd");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", Integer.parseInt(r.year()));
            m.put("level", r.level());
            putText(m, "kind", r.kind());
            if (!r.benefitVnd().isEmpty()) m.put("benefitVnd", Long.parseLong(r.benefitVnd()));
            putText(m, "title", r.title());
            initiativeList.add(m);
        }
        List<Object> disciplineList = new ArrayList<>();
        for (int i = 0; i < disciplines.size(); i++) {
            DisciplineRow r = disciplines.get(i);
            if (r.isBlank()) continue;
            String at = "subject.disciplines[" + disciplineList.size() + "]";
            paths.put(at, "dis-" + i + "-form");
            paths.put(at + ".decidedOn", "dis-" + i + "-decidedOn");
            paths.put(at + ".until", "dis-" + i + "-until");
            paths.put(at + ".since", "dis-" + i + "-since");
            Map<String, Object> m = new LinkedHashMap<>();
            putText(m, "form", r.form());
            m.put("status", r.status());
            putText(m, "decidedOn", r.decidedOn());
            putText(m, "until", r.until());
            putText(m, "since", r.since());
            disciplineList.add(m);
        }
        List<Object> contributionList = new ArrayList<>();
        for (int i = 0; i < contributions.size(); i++) {
            ContributionRow r = contributions.get(i);
            if (r.isBlank()) continue;
            String at = "subject.contributions[" + contributionList.size() + "]";
            paths.put(at, "con-" + i + "-kind");
            paths.put(at + ".year", "con-" + i + "-year");
            paths.put(at + ".valueVnd", "con-" + i + "-valueVnd");
            paths.put(at + ".description", "con-" + i + "-description");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("year", Integer.parseInt(r.year()));
            m.put("kind", r.kind());
            if (!r.valueVnd().isEmpty()) m.put("valueVnd", Long.parseLong(r.valueVnd()));
            putText(m, "description", r.description());
            contributionList.add(m);
        }
        List<Object> campaignList = new ArrayList<>();
        for (int i = 0; i < campaignResults.size(); i++) {
            CampaignRow r = campaignResults.get(i);
            if (r.isBlank()) continue;
            String at = "subject.campaignResults[" + campaignList.size() + "]";
            paths.put(at, "cr-" + i + "-campaign");
            for (String field : List.of("year", "campaign", "group", "indicator", "value")) paths.put(at + "." + field, "cr-" + i + "-" + field);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("campaign", r.campaign());
            m.put("year", Integer.parseInt(r.year()));
            m.put("group", r.group());
            m.put("indicator", r.indicator());
            m.put("value", decimal(r.value()));
            campaignList.add(m);
        }
        putList(s, "ratings", ratings);
        putList(s, "titles", titles);
        putList(s, "commendations", commendationList);
        putList(s, "initiatives", initiativeList);
        putList(s, "disciplines", disciplineList);
        putList(s, "absences", absences);
        putList(s, "attestations", attestations);
        putList(s, "contributions", contributionList);
        putList(s, "campaignResults", campaignList);
        doc.put("subject", s);
        return new Case(doc, paths);
    }

    private static void attribute(Map<String, Object> s, Map<String, String> paths, String name, String value) {
        if (value.isEmpty()) return;
        s.put(name, value);
        paths.put("subject." + name, name);
    }

    private static void putText(Map<String, Object> m, String name, String value) {
        if (value != null && !value.isEmpty()) m.put(name, value);
    }

    private static void putList(Map<String, Object> m, String name, List<Object> list) {
        if (!list.isEmpty()) m.put(name, list);
    }
}
