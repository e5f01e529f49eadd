package vn.laurel.engine.evaluation;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.model.CampaignResultFact;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.history.History;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.policy.UnknownParameterException;

import java.time.LocalDate;
import java.util.*;

/**
 * The question being answered for one subject, inserted into the session as a fact. Criterion
 * rules match it, read its year, appraisal date and parameters, and record their checks on it:
 * <pre>
 *   $e : Evaluation( $year : year, $h : history )
 *   then $e.record($h.ratingIn($year).atLeast(Rating.GOOD));
 * </pre>
 * Which rule records is known from the session ({@link FiringRule}, an agenda listener), so an action
 * is one check expression and nothing else.
 */
public final class Evaluation implements vn.laurel.engine.ruleset.FailureRecorder {
    private final History history;
    private final int year;
    private final LocalDate asOf;
    private final LocalDate submittedOn;
    private final String regime;
    private final Organisation organisation;
    private final Map<String, Parameter> parameters;
    private final Map<String, Campaign> campaigns;
    private final Map<String, ParameterUse> parametersUsed = new LinkedHashMap<>();
    private final List<CriterionResult> results = new ArrayList<>();
    // Parameters a rule asked for that have no value on the appraisal date, until the rule records.
    private final List<String> notInForce = new ArrayList<>();
    // Of those, the ones declared without any value yet (values: [], a threshold not yet published).
    private final List<String> notPublished = new ArrayList<>();
    // Parameters read since the last record, and so read by the rule that records next (rules read them in their consequence).
    private final Set<String> readSinceRecord = new LinkedHashSet<>();
    private final Map<String, Set<String>> parameterNamesByAward = new HashMap<>();
    private CriterionOverride forced; // the mutation check's only; null in service
    private Rule firing; // the rule whose action runs now, told by FiringRule

    public Evaluation(History history, int year, LocalDate asOf, String regime, Organisation organisation,
                      Map<String, Parameter> parameters) {
        this(history, year, asOf, null, regime, organisation, parameters);
    }

    /**
     * @param submittedOn the day the file was submitted (null: the appraisal date); a parameter value
     *                    marked {@code appliesBy: SUBMISSION} follows it (Decree 152/2025/ND-CP art. 60.3)
     */
    public Evaluation(History history, int year, LocalDate asOf, LocalDate submittedOn, String regime,
                      Organisation organisation, Map<String, Parameter> parameters) {
        this(history, year, asOf, submittedOn, regime, organisation, parameters, Map.of());
    }

    /** As above, with the emulation campaigns the rules may read ({@code rules/campaigns/*.yaml}), by code. */
    public Evaluation(History history, int year, LocalDate asOf, LocalDate submittedOn, String regime,
                      Organisation organisation, Map<String, Parameter> parameters, Map<String, Campaign> campaigns) {
        this.campaigns = campaigns == null ? Map.of() : campaigns;
        this.history = history;
        this.year = year;
        this.asOf = asOf;
        this.submittedOn = submittedOn;
        this.regime = regime;
        this.organisation = organisation;
        this.parameters = parameters;
    }

    public History getHistory() { return history; }

    public int getYear() { return year; }

    public LocalDate getAsOf() { return asOf; }

    /** The day the file was submitted: the submission date given, else the appraisal date. */
    public LocalDate getSubmittedOn() { return submittedOn != null ? submittedOn : asOf; }

    public String getRegime() { return regime; }

    public boolean isPerson() { return history.isPerson(); }

    /** A unit or an enterprise: rules written for collectives ({@code Evaluation( collective, … )}) apply to both. */
    public boolean isCollective() { return history.isCollective(); }

    public boolean isEnterprise() { return history.isEnterprise(); }

    public boolean isHousehold() { return history.isHousehold(); }

    /**
     * A numeric policy parameter in force on the appraisal date for this organisation. When none is in
     * force the rules cannot judge: the criterion that asked is recorded as NEEDS_REVIEW, saying why.
     */
    public Number param(String name) {
        ParameterUse used = use(name);
        if (used == null) return Double.NaN;
        if (used.value() instanceof Number n) return n;
        throw new UnknownParameterException("parameter " + name + " is not a number: " + used.value());
    }

    /**
     * A number that applies only when a policy switch is on: the number parameter {@code paramName}
     * when the switch {@code switchName} is on, else 0 (the number is then not read). For example the
     * months of service below which new hires are left out of a share, when they are left out:
     * {@code $e.paramIf("advanced_labor_collective.exclude_new_hires", "advanced_laborer.min_service_months")}.
     */
    public Number paramIf(String switchName, String paramName) {
        return flag(switchName) ? param(paramName) : Integer.valueOf(0);
    }

    /** A yes/no policy parameter (a switch) in force on the appraisal date for this organisation. */
    public boolean flag(String name) {
        ParameterUse used = use(name);
        if (used == null) return false;
        if (used.value() instanceof Boolean b) return b;
        throw new UnknownParameterException("parameter " + name + " is not true or false: " + used.value());
    }

    /** A code-valued policy parameter (a discipline form, a rounding mode) in force on the appraisal date. */
    public String code(String name) {
        ParameterUse used = use(name);
        return used == null ? "" : String.valueOf(used.value());
    }

    /**
     * A rating-valued parameter (the rating a chain counts, say). With no value in force the criterion
     * that asked needs review; the rating returned then is the highest, which decides nothing on its own.
     */
    public Rating rating(String name) {
        ParameterUse used = use(name);
        if (used == null) return Rating.EXCELLENT;
        try {
            return Rating.valueOf(String.valueOf(used.value()));
        } catch (IllegalArgumentException e) {
            throw new UnknownParameterException("parameter " + name + " is not a rating: " + used.value());
        }
    }

    /**
     * A numeric limit that may be switched off: the number in force, or null when the value in force is
     * {@code NONE} (no limit: a rule kept only where an organisation's own regulation sets it). With no
     * value in force the criterion that asked needs review.
     */
    public Number limit(String name) {
        ParameterUse used = use(name);
        if (used == null) return Double.NaN;
        if (used.value() instanceof Number n) return n;
        if ("NONE".equals(used.value())) return null;
        throw new UnknownParameterException("parameter " + name + " is neither a number nor NONE: " + used.value());
    }

    private ParameterUse use(String name) {
        readSinceRecord.add(name);
        ParameterUse used = parametersUsed.get(name);
        if (used != null) return used;
        Parameter parameter = parameters.get(name);
        if (parameter == null) throw new UnknownParameterException("unknown parameter " + name);
        Optional<ParameterUse> resolved = parameter.resolve(asOf, submittedOn, organisation);
        if (resolved.isEmpty()) {
            if (parameter.values().isEmpty()) notPublished.add(name);
            else notInForce.add(name);
            return null;
        }
        parametersUsed.put(name, resolved.get());
        return resolved.get();
    }

    /**
     * Records a criterion's check: the whole action of a criterion rule, {@code $e.record(<check>);}.
     * Award and criterion come from the metadata of the rule firing.
     */
    public void record(Check check) {
        if (firing == null) {
            throw new IllegalStateException("record(check) is called from a rule's action, while the rule fires");
        }
        record(firing, check);
    }

    /**
     * The form of rule files written before the engine knew which rule fires. Rule files stored then
     * still load and replay with it; new rule files write {@code $e.record(check)}.
     *
     * @deprecated use {@link #record(Check)}
     */
    @Deprecated
    public void record(RuleContext kcontext, Check check) {
        record(kcontext.getRule(), check);
    }

    /** Told by {@link FiringRule} before a rule's action runs, and with null after it. */
    void firing(Rule rule) { this.firing = rule; }

    private void record(Rule rule, Check check) {
        Localized why = missingValues();
        if (why != null) {
            check = new Check(Status.NEEDS_REVIEW, check.actual(), check.required(), check.evidence(), check.label(),
                    check.branches(), why);
        }
        if (forced != null) check = forced.applyTo(regime, rule.getName(), check);
        Map<String, Object> meta = rule.getMetaData();
        String award = unquote(meta.get("award"));
        if (!readSinceRecord.isEmpty()) {
            parameterNamesByAward.computeIfAbsent(award, k -> new LinkedHashSet<>()).addAll(readSinceRecord);
            readSinceRecord.clear();
        }
        results.add(new CriterionResult(history.getId(), award, unquote(meta.get("criterion")),
                rule.getName(), year, check));
    }

    void force(CriterionOverride override) { this.forced = override; }

    /** Why the rule recording now cannot be judged for want of a parameter value, or null; forgets them. */
    private Localized missingValues() {
        Localized why = null;
        if (!notInForce.isEmpty()) why = Explainer.label("note.parameterNotInForce", String.join(", ", notInForce), asOf);
        if (!notPublished.isEmpty()) {
            Localized unpublished = Explainer.label("note.parameterNotPublished", String.join(", ", notPublished));
            why = why == null ? unpublished : new Localized(why.vi() + " " + unpublished.vi(), why.en() + " " + unpublished.en());
        }
        notInForce.clear();
        notPublished.clear();
        return why;
    }

    // ---------------------------------------------------------------- campaigns

    /**
     * The first year of a campaign declared in {@code rules/campaigns/} (its period's start), for a count from it:
     * {@code $h.initiativesIn($e.campaignFrom("INNOVATION_DX_2025_2030"), $year, InitiativeLevel.GRASSROOTS)}.
     * A campaign the rules do not declare is a fault of the rule set: the criterion needs review, saying so.
     */
    public Integer campaignFrom(String campaign) {
        return campaignNamed(campaign).from();
    }

    /**
     * The indicators of the campaign's participant group the subject takes part in for the year, each compared with
     * its threshold parameter ("đạt các chỉ tiêu của nhóm"): all must hold. The group is the one the subject's results
     * of the year name; with no result the indicators cannot be measured (needs review — whether it takes part is
     * another criterion's to say). A threshold with no value in force (not yet published) needs review, saying so;
     * an indicator without a recorded value needs review too.
     * <pre>  $e.record($e.campaignIndicators("INNOVATION_DX_2025_2030", $year));</pre>
     */
    public Check campaignIndicators(String campaign, int year) {
        Campaign c = campaignNamed(campaign);
        List<CampaignResultFact> results = history.campaignResults(campaign, year);
        Optional<Campaign.Group> group = results.stream().map(CampaignResultFact::group).filter(Objects::nonNull)
                .map(c::group).flatMap(Optional::stream).findFirst();
        if (group.isEmpty() || group.get().indicators().isEmpty()) {
            // No group: its indicators cannot be named, let alone measured.
            Check unknown = new Check(Status.NEEDS_REVIEW, results.size(), new Requirement(Requirement.Operator.AT_LEAST, 1),
                    List.<Evidence>of());
            return Check.allOf(unknown.as("kết quả phong trào được ghi nhận năm " + year + " (để biết nhóm tham gia và chỉ tiêu của nhóm)",
                    "campaign results recorded for " + year + " (to know the participant group and its indicators)"));
        }
        List<Check> checks = new ArrayList<>();
        for (Campaign.Indicator indicator : group.get().indicators()) {
            Measure value = history.campaignResult(campaign, indicator.code(), year);
            Number threshold = param(indicator.parameter());
            Check check;
            if (threshold instanceof Double d && d.isNaN()) {
                // No threshold in force (not published yet): nothing to compare with; the note says which.
                Requirement.Operator op = indicator.operator() == Campaign.Operator.AT_MOST
                        ? Requirement.Operator.AT_MOST : Requirement.Operator.AT_LEAST;
                check = new Check(Status.NEEDS_REVIEW, value.value(),
                        new Requirement(op, Explainer.label("campaign.thresholdNotPublished")), value.evidence());
            } else {
                // Scores are read as written (a Double would be shown as a share, in per cent).
                java.math.BigDecimal required = new java.math.BigDecimal(threshold.toString());
                check = indicator.operator() == Campaign.Operator.AT_MOST ? value.atMost(required) : value.atLeast(required);
            }
            checks.add(check.as(indicator.name().vi() + " (" + group.get().name().vi() + ")",
                    indicator.name().en() + " (" + group.get().name().en() + ")"));
        }
        return Check.allOf(checks.toArray(Check[]::new));
    }

    private Campaign campaignNamed(String code) {
        Campaign c = campaigns.get(code);
        if (c == null) throw new UnknownParameterException("unknown campaign " + code + ": declare it in rules/campaigns/");
        return c;
    }

    /**
     * A rule failed while deciding its criterion (an exception in its action): the criterion needs
     * review and says why, in both languages; nothing the failed rule read is carried over to the next.
     * A parameter with no value in force that it read is named as the reason, as for a rule that records.
     */
    public void recordFailure(Rule rule, Throwable failure) {
        Localized why = missingValues();
        if (why == null) why = Explainer.label("note.ruleFailed", rule.getName(), describe(failure));
        Map<String, Object> meta = rule.getMetaData();
        String award = unquote(meta.get("award"));
        if (!readSinceRecord.isEmpty()) {
            parameterNamesByAward.computeIfAbsent(award, k -> new LinkedHashSet<>()).addAll(readSinceRecord);
            readSinceRecord.clear();
        }
        Check check = new Check(Status.NEEDS_REVIEW, null, new vn.laurel.engine.criteria.Requirement(
                vn.laurel.engine.criteria.Requirement.Operator.EQUALS, null), List.of(), null, List.of(), why);
        results.add(new CriterionResult(history.getId(), award, unquote(meta.get("criterion")), rule.getName(), year, check));
    }

    /** The innermost cause, named by its kind and message: what a reviewer or an engineer needs. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    public List<CriterionResult> getResults() { return Collections.unmodifiableList(results); }

    /** The parameters the criteria of an award read (whether or not a value was in force). */
    public Set<String> parameterNamesOf(String award) {
        return Set.copyOf(parameterNamesByAward.getOrDefault(award, Set.of()));
    }

    public Collection<ParameterUse> getParametersUsed() { return Collections.unmodifiableCollection(parametersUsed.values()); }

    private static String unquote(Object value) {
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        if (label == null) label = "Evaluation[" + history.getId() + ", " + year + ", " + regime + "]";
        return label;
    }

    private String label; // the trace names this fact once per rule fired
}
