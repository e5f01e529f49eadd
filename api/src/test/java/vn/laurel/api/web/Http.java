package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.io.IOException;

/** Small helpers for black-box HTTP tests: every answer is read as raw JSON, as a client would. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, JsonNode body) {}

    static Answer call(BlockingHttpClient client, HttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
            return new Answer(response.code(), response.getContentType().map(Object::toString).orElse(""),
                    parse(response.getBody(String.class).orElse("")));
        }
        return new Answer(response.code(), response.getContentType().map(Object::toString).orElse(""),
                parse(response.body()));
    }

    static Answer get(BlockingHttpClient client, String uri) {
        return call(client, HttpRequest.GET(uri));
    }

    /** A POST without a body: how a client asks for an eligibility decision to be saved. */
    static Answer post(BlockingHttpClient client, String uri) {
        return call(client, HttpRequest.POST(uri, ""));
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
