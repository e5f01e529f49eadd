package vn.laurel.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** An API answer as a test reads it: its status and its JSON body (null node when empty), 4xx and 5xx included. */
public record JsonAnswer(int status, JsonNode body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static JsonAnswer of(HttpClient http, MutableHttpRequest<?> request) {
        HttpResponse<String> r;
        try {
            r = http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked") HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            r = failed;
        }
        try {
            String body = r.getBody(String.class).orElse("");
            return new JsonAnswer(r.code(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
