package vn.laurel.api.tools.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The few calls {@code ./laurel rules} makes to a running service, with plain {@link HttpClient}:
 * who is signing in (--user, else LAUREL_TOKEN, else LAUREL_USER), and every failure turned into
 * one line ({@link CommandFailure}) — a service that cannot be reached, a refusal with the
 * problem document's detail and fields.
 */
public final class LaurelHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration CONNECT = Duration.ofSeconds(10);
    /** A draft's check compiles every regime and runs every scenario on the server. */
    static final Duration SLOW = Duration.ofMinutes(10);
    static final Duration QUICK = Duration.ofMinutes(2);

    public record Reply(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return parse(body);
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final HttpClient client;

    public LaurelHttp(String baseUrl, String user, Map<String, String> env) {
        this.baseUrl = baseUrl;
        this.authorization = authorization(user, env);
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The Authorization header: --user (Basic), else LAUREL_TOKEN (Bearer), else LAUREL_USER (Basic); null for none. */
    static String authorization(String user, Map<String, String> env) {
        if (user != null) return basic(user);
        String token = env.get("LAUREL_TOKEN");
        if (token != null && !token.isBlank()) return "Bearer " + token.strip();
        String envUser = env.get("LAUREL_USER");
        if (envUser != null && !envUser.isBlank()) {
            if (!envUser.contains(":")) throw CommandFailure.usage("LAUREL_USER takes NAME:PASSWORD");
            return basic(envUser);
        }
        return null;
    }

    private static String basic(String nameAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(nameAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Reply get(String path) {
        return send("GET", path, null, null, QUICK);
    }

    public Reply post(String path, String contentType, byte[] body, Duration timeout) {
        return send("POST", path, contentType, body, timeout);
    }

    /** A path with its query, each value encoded; null values are left out. */
    public static String path(String path, Map<String, ?> query) {
        StringJoiner q = new StringJoiner("&");
        query.forEach((k, v) -> {
            if (v != null) q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
        });
        return q.length() == 0 ? path : path + "?" + q;
    }

    public static Map<String, Object> query(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    Reply send(String method, String path, String contentType, byte[] body, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("not a URL: " + baseUrl + path);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json, application/zip, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (authorization != null) b.header("Authorization", authorization);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (HttpConnectTimeoutException e) {
            throw CommandFailure.failed("cannot reach " + baseUrl + " (no answer within " + CONNECT.toSeconds() + " s): is the service running? "
                    + "(--url or LAUREL_URL)");
        } catch (HttpTimeoutException e) {
            throw CommandFailure.failed(baseUrl + " did not answer " + method + " " + path + " within " + timeout.toMinutes() + " minutes");
        } catch (ConnectException e) {
            throw CommandFailure.failed("cannot reach " + baseUrl + " (connection refused): is the service running? (--url or LAUREL_URL)");
        } catch (IOException e) {
            throw CommandFailure.failed("cannot reach " + baseUrl + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.failed("interrupted");
        }
    }

    /**
     * What a refusal says, on one line: the status, the problem's detail, the fields it names;
     * what to do about 401 and 403.
     */
    public static String describe(String what, Reply r) {
        StringBuilder s = new StringBuilder(what).append(": ").append(r.status());
        JsonNode p = r.json();
        String detail = text(p, "detail");
        if (detail == null) detail = text(p, "title");
        if (detail == null && r.body().length > 0 && !r.contentType().contains("json")) {
            String body = new String(r.body(), StandardCharsets.UTF_8).strip();
            if (!body.isEmpty() && body.length() < 300 && !body.contains("\n")) detail = body;
        }
        if (detail != null) s.append(" ").append(detail);
        JsonNode errors = p.path("errors");
        if (errors.isArray()) {
            for (JsonNode e : errors) {
                String field = text(e, "field"), message = text(e, "message");
                if (message != null && (detail == null || !detail.contains(message))) {
                    s.append("; ").append(field == null ? "" : field + ": ").append(message);
                }
            }
        }
        if (r.status() == 401) s.append(" (sign in with --user NAME:PASSWORD, LAUREL_USER=NAME:PASSWORD or LAUREL_TOKEN)");
        if (r.status() == 403) s.append(" (reading rule sets needs the POLICY, AUDITOR or ADMIN role; drafts POLICY or ADMIN)");
        return s.toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) return JSON.missingNode();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
