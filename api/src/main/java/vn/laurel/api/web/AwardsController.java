package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.HttpRequest;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The award catalogue as the loaded rules define it: names, regimes, criteria and their legal bases. */
// The catalogue is public knowledge to every role; not to strangers.
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/v1/awards")
public class AwardsController {
    private final RuleSetHolder rules;

    public AwardsController(RuleSetHolder rules) {
        this.rules = rules;
    }

    record CriterionView(String criterion, String subject, Localized legalBasis, String confidence, String rule, String file,
                         int line) {}

    record RegimeView(String regime, boolean provisional, boolean modelled, List<CriterionView> criteria) {}

    record AwardView(String code, Localized name, String category, List<String> subjectKinds, List<RegimeView> regimes) {}

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> awards(HttpRequest<?> request) {
        RuleSet ruleSet = rules.current();
        List<AwardView> awards = new ArrayList<>();
        for (AwardDefinition a : ruleSet.awards().values()) awards.add(view(ruleSet, a));
        return HttpResponse.ok(Json.write(Language.localize(Json.toMap(Map.of("rulesetVersion", ruleSet.version(), "awards", awards)),
                Language.of(request))));
    }

    /** One award as the loaded rules define it. */
    @Get(value = "/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> award(@PathVariable String code, HttpRequest<?> request) {
        RuleSet ruleSet = rules.current();
        AwardDefinition a = ruleSet.award(code).orElseThrow(() -> ProblemException.notFound("No award " + code
                + "; known: " + ruleSet.awards().keySet()));
        return HttpResponse.ok(Json.write(Language.localize(Json.toMap(view(ruleSet, a)), Language.of(request))));
    }

    private static AwardView view(RuleSet ruleSet, AwardDefinition a) {
        List<RegimeView> regimes = new ArrayList<>();
        for (CompiledRegime r : ruleSet.compiled().values()) {
            List<CriterionDefinition> criteria = r.criteriaOf(a.code());
            regimes.add(new RegimeView(r.regime().code(), r.regime().provisional(), !criteria.isEmpty(),
                    criteria.stream().map(c -> new CriterionView(c.criterion(),
                            c.subject() == null ? null : c.subject().name(), c.legalBasis(), c.confidence(),
                            c.rule(), c.file(), c.line())).toList()));
        }
        return new AwardView(a.code(), a.name(), a.category(), a.subjectKinds().stream().map(Enum::name).toList(), regimes);
    }
}
