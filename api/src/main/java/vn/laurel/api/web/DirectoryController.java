package vn.laurel.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
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
import vn.laurel.api.facts.SubjectRows;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import io.micronaut.http.HttpRequest;
import vn.laurel.engine.json.Json;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.*;

/** The organisation tree and the subjects in it: lists to find who and what to ask about, for every role. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DirectoryController {
    private final DataSource dataSource;
    private final ScopeGuard scope;

    public DirectoryController(DataSource dataSource, ScopeGuard scope) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.scope = scope;
    }

    /** Subjects by unit, kind and a part of the name (Vietnamese matched in any Unicode normal form), paginated. */
    @Get(value = "/subjects", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> subjects(@Nullable @QueryValue String unit, @Nullable @QueryValue String kind,
                                         @Nullable @QueryValue String name, @Nullable @QueryValue String page,
                                         @Nullable @QueryValue String size, HttpRequest<?> request) {
        int p = FactsController.number("page", page, 0, 0, 1_000_000);
        int s = FactsController.number("size", size, 50, 1, FactsController.MAX_PAGE_SIZE);
        if (kind != null && !kind.isBlank() && !List.of("PERSON", "COLLECTIVE").contains(kind)) {
            throw ProblemException.badField("kind", "must be PERSON or COLLECTIVE");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (unit != null && !unit.isBlank()) {
            scope.requireUnit(request, "unit", unit.trim());
            where.append(" AND unit_code = ?");
            params.add(unit.trim());
        }
        Optional<Set<String>> visible = scope.visibleUnits(request, "unit");
        if (kind != null && !kind.isBlank()) { where.append(" AND kind = ?"); params.add(kind); }
        if (name != null && !name.isBlank()) {
            where.append(" AND LOWER(name) LIKE ?");
            params.add("%" + Normalizer.normalize(name.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        try (Connection c = dataSource.getConnection()) {
            if (visible.isPresent()) {
                // A scoped CLIENT lists the people of its units, and those who were members of one.
                java.sql.Array codes = c.createArrayOf("VARCHAR", visible.get().toArray());
                where.append(" AND (unit_code = ANY(?) OR EXISTS (SELECT 1 FROM membership m WHERE m.subject_id = subject.id "
                        + "AND m.current_flag = TRUE AND m.unit_code = ANY(?)))");
                params.add(codes);
                params.add(codes);
            }
            long total = ((Number) SubjectRows.list(c, "SELECT COUNT(*) AS n FROM subject" + where, params.toArray()).get(0).get("n")).longValue();
            List<Object> paged = new ArrayList<>(params);
            paged.add(p * s);
            paged.add(s);
            List<Map<String, Object>> items = SubjectRows.list(c, "SELECT id, kind, name, unit_code, hired_on FROM subject" + where
                    + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", paged.toArray());
            return HttpResponse.ok(Json.write(Map.of("page", p, "size", s, "total", total, "items", items)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Get(value = "/units", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> units() {
        try (Connection c = dataSource.getConnection()) {
            return HttpResponse.ok(Json.write(Map.of("items", SubjectRows.list(c,
                    "SELECT code, name, parent_code, sector FROM org_unit ORDER BY code"))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unit with its subunits, its people at present and its clusters. */
    @Get(value = "/units/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> unit(@PathVariable String code, HttpRequest<?> request) {
        scope.requireUnit(request, "code", code);
        try (Connection c = dataSource.getConnection()) {
            Map<String, Object> unit = new LinkedHashMap<>(SubjectRows.unit(c, code)
                    .orElseThrow(() -> ProblemException.notFound("No unit " + code)));
            unit.put("subunits", SubjectRows.list(c, "SELECT code, name FROM org_unit WHERE parent_code = ? ORDER BY code", code));
            unit.put("people", SubjectRows.list(c, "SELECT id, name FROM subject WHERE kind = 'PERSON' AND unit_code = ? ORDER BY id", code));
            unit.put("clusters", SubjectRows.list(c, "SELECT cluster_code, member_year, ranking FROM cluster_member "
                    + "WHERE subject_id = ? AND current_flag = TRUE ORDER BY member_year", code));
            return HttpResponse.ok(Json.write(unit));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
