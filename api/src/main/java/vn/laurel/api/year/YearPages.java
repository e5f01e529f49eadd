package vn.laurel.api.year;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.clusters.ClusterReviewService;
import vn.laurel.api.councils.CouncilService;
import vn.laurel.api.councils.CouncilSession;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.proposals.ProposalList;
import vn.laurel.api.proposals.ProposalService;

import java.util.List;
import java.util.Map;

/**
 * The emulation year as a board works it, in order: the clusters rank their units and propose, the council
 * votes on what needs judgment, each competent authority receives its proposal list, and its decision is
 * recorded back. This page is the year's table of contents; each step has its own pages.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class YearPages {
    private final Pages pages;
    private final ClusterReviewService clusters;
    private final CouncilService councils;
    private final ProposalService proposals;

    public YearPages(Pages pages, ClusterReviewService clusters, CouncilService councils, ProposalService proposals) {
        this.pages = pages;
        this.clusters = clusters;
        this.councils = councils;
        this.proposals = proposals;
    }

    /** Where the year stands, a line per step: what an official looks at first on coming back to the work. */
    public record Progress(long clusters, long clustersWithMembers, long sessions, long ballots, long lists, long rows, long conferred) {}

    Progress progress(int year) {
        List<ClusterReviewService.Summary> cs = clusters.clusters(year);
        List<CouncilSession> ss = councils.sessions(null, year);
        long ballots = 0;
        for (CouncilSession s : ss) ballots += councils.ballots(s.id()).size();
        List<ProposalList> ls = proposals.all(year);
        long rows = 0, conferred = 0;
        for (ProposalList l : ls) {
            rows += l.rows().size();
            conferred += l.rows().stream().filter(r -> r.conferment() != null).count();
        }
        return new Progress(cs.size(), cs.stream().filter(c -> !c.members().isEmpty()).count(), ss.size(), ballots, ls.size(), rows, conferred);
    }

    @Get("/year")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> year(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Map<String, Object> model = pages.model(request, "year.title");
        Integer y = EmulationYear.parse(year);
        if (y == null) {
            model.put("year", EmulationYear.current());
            model.put("yearError", true);
            return pages.page(request, HttpStatus.BAD_REQUEST, "year/year", model);
        }
        model.put("year", y);
        model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
        model.put("progress", progress(y));
        return pages.page(request, "year/year", model);
    }
}
