package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;

/** Lets tests outside this package read an answer's JSON whatever its status. */
public final class HttpProbe {
    private HttpProbe() {}

    public static JsonNode get(HttpClient http, String path) {
        return Http.get(http.toBlocking(), path).body();
    }

    /** A POST without a body (as saving an eligibility decision is). */
    public static JsonNode post(HttpClient http, String path) {
        return Http.post(http.toBlocking(), path).body();
    }
}
