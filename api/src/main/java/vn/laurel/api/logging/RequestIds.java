package vn.laurel.api.logging;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, carried by each log line written while it is served (MDC key
 * {@code requestId}, on whichever thread serves it) and returned in {@code X-Request-Id}. The proxy's id
 * is kept when it sends one (nginx's {@code $request_id}), so that its access log and Laurel's lines
 * of the same request are found by one search. A request that saves a decision adds {@code decisionId}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIds implements Ordered {
    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String DECISION_ID = "decisionId";
    private static final Logger LOG = LoggerFactory.getLogger(RequestIds.class);
    /** A caller's id is copied into every log line: nothing that could forge a line or a field. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
        request.setAttribute(REQUEST_ID, id);
        try {
            MDC.put(REQUEST_ID, id);
            context.add(new MdcPropagationContext());
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    @ResponseFilter
    public void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(REQUEST_ID, String.class).ifPresent(id -> response.header(HEADER, id));
    }

    /** Before security: a refused request's lines carry the id too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /**
     * A decision was saved on this thread: when it serves a request, the request's lines from here on
     * carry the decision's id, and one line says so. A batch's workers serve no request: nothing logged
     * per decision there. The request's MDC is put back as it was when the request ends.
     */
    public static void decided(long decisionId, String subject) {
        if (MDC.get(REQUEST_ID) == null) return;
        MDC.put(DECISION_ID, Long.toString(decisionId));
        LOG.info("Decision {} saved for {}", decisionId, clean(subject));
    }

    /**
     * A value a client chose (a submitted document's subject id, say), safe to put in a log line or the MDC: line
     * breaks, other control characters and the Unicode line/paragraph separators escaped as \\uXXXX, a backslash
     * doubled, so that it can neither end the line nor forge the next one; at most 200 characters kept.
     */
    public static String clean(String value) {
        if (value == null) return null;
        StringBuilder b = new StringBuilder(Math.min(value.length(), 200) + 8);
        for (int i = 0; i < value.length() && i < 200; i++) {
            char c = value.charAt(i);
            if (c == '\\') b.append("\\\\");
            else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else b.append(c);
        }
        if (value.length() > 200) b.append("…");
        return b.toString();
    }

    static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
