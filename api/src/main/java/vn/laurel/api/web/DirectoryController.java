package vn.laurel.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.store.DirectoryStore;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import io.micronaut.http.HttpRequest;
import vn.laurel.engine.json.Json;

import java.text.Normalizer;
import java.util.*;

/** The organisation tree and the subjects in it: lists to find who and what to ask about, for every role. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DirectoryController {
    private final DirectoryStore directory;
    private final ScopeGuard scope;

    public DirectoryController(DirectoryStore directory, ScopeGuard scope) {
        this.directory = directory;
        this.scope = scope;
    }

    /** The kinds of subject the directory lists (SubjectKind). */
    static final List<String> KINDS = java.util.Arrays.stream(vn.laurel.engine.model.SubjectKind.values()).map(Enum::name).toList();

    /** Subjects by unit, kind and a part of the name (Vietnamese matched in any Unicode normal form), paginated. */
    @Get(value = "/subjects", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> subjects(@Nullable @QueryValue String unit, @Nullable @QueryValue String kind,
                                         @Nullable @QueryValue String name, @Nullable @QueryValue String page,
                                         @Nullable @QueryValue String size, HttpRequest<?> request) {
        int p = FactsController.number("page", page, 0, 0, 1_000_000);
        int s = FactsController.number("size", size, 50, 1, FactsController.MAX_PAGE_SIZE);
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
            throw ProblemException.badField("kind", "must be one of " + String.join(", ", KINDS));
        }
        String unitCode = null;
        if (unit != null && !unit.isBlank()) {
            unitCode = unit.trim();
            scope.requireUnit(request, "unit", unitCode);
        }
        Optional<Set<String>> visible = scope.visibleUnits(request, "unit");
        String nameLike = name == null || name.isBlank() ? null
                : "%" + Normalizer.normalize(name.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        DirectoryStore.Page found = directory.subjects(unitCode, kind == null || kind.isBlank() ? null : kind, nameLike, visible, p * s, s);
        return HttpResponse.ok(Json.write(Map.of("page", p, "size", s, "total", found.total(), "items", found.items())));
    }

    @Get(value = "/units", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> units() {
        return HttpResponse.ok(Json.write(Map.of("items", directory.units())));
    }

    /** A unit with its subunits, its people at present and its clusters. */
    @Get(value = "/units/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> unit(@PathVariable String code, HttpRequest<?> request) {
        scope.requireUnit(request, "code", code);
        return HttpResponse.ok(Json.write(directory.unit(code).orElseThrow(() -> ProblemException.notFound("No unit " + code))));
    }
}
