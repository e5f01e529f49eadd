package vn.laurel.api.councils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the councils' API as curl would: a demo account (Basic), JSON in and out, the language asked. */
final class CouncilHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    CouncilHttp(int port) {
        this.port = port;
    }

    record Answer(int status, String contentType, JsonNode body, String location) {}

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET(), "vi");
    }

    Answer post(String user, String path, String json) {
        return post(user, path, json, "vi");
    }

    Answer post(String user, String path, String json, String lang) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), lang);
    }

    private Answer send(String user, HttpRequest.Builder b, String lang) {
        try {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept-Language", lang);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body() == null || r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body,
                    r.headers().firstValue("Location").orElse(null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
