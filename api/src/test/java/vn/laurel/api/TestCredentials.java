package vn.laurel.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Tests written before roles existed call the service without credentials: this client filter signs
 * them in as the demo {@code admin}. A request that names its own credentials keeps them, and one
 * carrying {@code X-Test-Anonymous} goes out with none (the header itself is not sent).
 */
@ClientFilter("/**")
@Requires(env = Environment.TEST)
public class TestCredentials {
    public static final String ANONYMOUS = "X-Test-Anonymous";

    @RequestFilter
    public void signIn(MutableHttpRequest<?> request) {
        if (request.getHeaders().contains(ANONYMOUS)) {
            request.getHeaders().remove(ANONYMOUS);
        } else if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.basicAuth("admin", "admin");
        }
    }
}
