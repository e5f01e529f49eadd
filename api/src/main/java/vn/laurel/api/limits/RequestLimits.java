package vn.laurel.api.limits;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Limits on the work one request may ask for, so that no caller can hold the service: subjects per
 * query, evaluation time per request, and how many population-wide queries (candidates, preview)
 * run at once. Body size and page size are limited where they are read.
 */
@Singleton
public class RequestLimits {
    private final int subjectsPerQuery;
    private final Duration evaluationTime;
    private final Semaphore wideQueries;
    private final int projectedSubjectYears;

    public RequestLimits(@Value("${laurel.limits.subjects-per-query:20000}") int subjectsPerQuery,
                         @Value("${laurel.limits.evaluation-time:60s}") Duration evaluationTime,
                         @Value("${laurel.limits.concurrent-wide-queries:2}") int concurrentWideQueries,
                         @Value("${laurel.limits.projected-subject-years:3000}") int projectedSubjectYears) {
        this.subjectsPerQuery = subjectsPerQuery;
        this.projectedSubjectYears = projectedSubjectYears;
        this.evaluationTime = evaluationTime;
        this.wideQueries = new Semaphore(concurrentWideQueries);
    }

    /** 422 naming the field that chose the population, when it holds more subjects than one query may evaluate. */
    public void checkSubjects(String field, int count) {
        if (count > subjectsPerQuery) {
            String message = "selects " + count + " subjects; at most " + subjectsPerQuery + " per query: ask for a smaller unit";
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + message, List.of(new FieldError(field, message)));
        }
    }

    /**
     * 422 naming {@code horizon} when an earliest-year projection would evaluate more subject-years than one request
     * may: a unit and its members, each projected over the horizon (and again where an earlier regime's criteria are
     * taken to continue).
     */
    public void checkProjection(int subjects, int horizon) {
        long work = (long) subjects * horizon;
        if (work > projectedSubjectYears) {
            String message = "projects " + subjects + " subjects over " + horizon + " years (" + work + " subject-years); at most "
                    + projectedSubjectYears + " per request: ask for a shorter horizon, or for the unit's people one by one";
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "horizon: " + message, List.of(new FieldError("horizon", message)));
        }
    }

    /** The moment by which a request started now must have finished evaluating. */
    public Deadline deadline() {
        return new Deadline(System.nanoTime() + evaluationTime.toNanos(), evaluationTime);
    }

    /** Runs a population-wide query, or answers 429 at once when too many are running. */
    public <T> T wide(Supplier<T> query) {
        if (!wideQueries.tryAcquire()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many population-wide queries are running; try again in a few seconds.", List.of()).retryAfter(5);
        }
        try {
            return query.get();
        } finally {
            wideQueries.release();
        }
    }

    public record Deadline(long nanos, Duration limit) {
        /** 422 once the request has evaluated for longer than the limit; the work already done is dropped. */
        public void check(String field) {
            if (System.nanoTime() > nanos) {
                String message = "took longer than " + limit.toSeconds() + " s to evaluate, the limit per request: ask for fewer subjects";
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + message, List.of(new FieldError(field, message)));
            }
        }
    }
}
