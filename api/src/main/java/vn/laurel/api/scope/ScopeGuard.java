package vn.laurel.api.scope;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.security.Requester;
import vn.laurel.engine.caseformat.FieldError;

import java.util.*;

/**
 * Enforces {@link OrgScope} where stored subjects are read for a CLIENT: eligibility, candidates,
 * batches, the subject list and a unit's people. Out of scope is 403 naming the field; so is an id
 * that does not exist, so that a CLIENT cannot tell who is on the books elsewhere.
 *
 * <p>A subject is within a scope when its unit, or a unit it has been a member of, lies in the
 * subtree of a unit the scope names: a unit's answer then shows only its own members' facts, and a
 * department still sees the people who have left it for the years they were there.
 */
@Singleton
public class ScopeGuard {
    private final UnitDirectory directory;
    private final String claim;

    public ScopeGuard(UnitDirectory directory, @Value("${laurel.security.org-claim:org}") String claim) {
        this.directory = directory;
        this.claim = claim;
    }

    public OrgScope of(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(a -> OrgScope.of(a, claim))
                .orElse(new OrgScope(false, Set.of()));
    }

    /** The unit codes a scoped user sees (the named units and all below them); empty when organisation-wide. */
    public Optional<Set<String>> visibleUnits(HttpRequest<?> request, String field) {
        OrgScope scope = of(request);
        if (scope.wide()) return Optional.empty();
        requireSome(scope, field);
        return Optional.of(subtree(scope.roots()));
    }

    public void requireSubject(HttpRequest<?> request, String field, String subjectId) {
        OrgScope scope = of(request);
        if (scope.wide()) return;
        requireSome(scope, field);
        if (!directory.subjectWithin(subjectId, scope.roots())) {
            throw outside(field, "no subject " + subjectId + " within your organisation scope " + scope.roots());
        }
    }

    /** {@code unit} null stands for the whole organisation, which only an organisation-wide role may ask about. */
    public void requireUnit(HttpRequest<?> request, String field, String unit) {
        OrgScope scope = of(request);
        if (scope.wide()) return;
        requireSome(scope, field);
        if (unit == null) throw outside(field, "is required: the whole organisation is beyond your organisation scope " + scope.roots());
        if (!directory.unitWithin(unit, scope.roots())) {
            throw outside(field, "no unit " + unit + " within your organisation scope " + scope.roots());
        }
    }

    /** A scoped user sees only the batches it started; the others see every batch. */
    public void requireOwnBatch(HttpRequest<?> request, String field, long id, Object requestedBy) {
        if (of(request).wide()) return;
        if (!Requester.of(request).equals(requestedBy)) throw outside(field, "batch " + id + " was not started by you");
    }

    private static void requireSome(OrgScope scope, String field) {
        if (scope.empty()) {
            throw outside(field, "your sign-in names no organisation unit, so no stored subject is within your scope "
                    + "(what-if on a case document you send needs none)");
        }
    }

    private static ProblemException outside(String field, String message) {
        return new ProblemException(HttpStatus.FORBIDDEN, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** The units and every unit below them; codes that name no unit are dropped. */
    Set<String> subtree(Set<String> roots) {
        return new HashSet<>(directory.subtree(roots));
    }
}
