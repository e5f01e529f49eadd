package vn.laurel.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import vn.laurel.api.security.DemoAccounts;

import java.io.IOException;
import java.net.*;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@code ./laurel serve} listens: loopback unless told otherwise, and on any other address the
 * demo accounts are refused even when LAUREL_DEMO_ACCOUNTS=true asks for them.
 */
class BindAddressTest {
    static Map<String, Object> service(String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", "jdbc:h2:mem:laurel-bind-" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString());
        p.put("laurel.demo.enabled", false);
        p.put("micronaut.server.port", -1);
        p.put("laurel.security.demo-accounts", true); // as LAUREL_DEMO_ACCOUNTS=true would
        return p;
    }

    static int status(URL base, String user) {
        try (HttpClient client = HttpClient.create(base)) {
            HttpRequest<?> r = HttpRequest.GET("/api/v1/awards");
            if (user != null) r = HttpRequest.GET("/api/v1/awards").basicAuth(user, user);
            HttpResponse<String> a = client.toBlocking().exchange(r, String.class);
            return a.code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void by_default_the_service_listens_on_loopback_only_with_the_demo_accounts_on() throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(service("default"));
             EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start()) {
            assertThat(server.getHost()).isEqualTo("127.0.0.1");
            assertThat(status(new URL("http://127.0.0.1:" + server.getPort()), "admin")).isEqualTo(200);
            for (InetAddress other : nonLoopbackAddresses()) {
                assertThat(reachable(other, server.getPort())).as("reachable on " + other).isFalse();
            }
        }
    }

    @Test
    void on_every_interface_the_demo_accounts_are_refused_whatever_was_asked() throws Exception {
        Map<String, Object> p = service("everywhere");
        p.put("micronaut.server.host", "0.0.0.0"); // as LAUREL_HOST=0.0.0.0 or ./laurel serve --host 0.0.0.0
        try (ApplicationContext ctx = ApplicationContext.run(p);
             EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start()) {
            assertThat(ctx.containsBean(DemoAccounts.class)).isFalse();
            URL local = new URL("http://127.0.0.1:" + server.getPort());
            for (String account : List.of("admin", "clerk", "client", "policy", "auditor")) {
                assertThat(status(local, account)).as(account).isEqualTo(401);
            }
            try (HttpClient client = HttpClient.create(local)) {
                assertThat(client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code()).isEqualTo(200);
            }
        }
    }

    static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp()) continue;
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) out.add(a);
            }
        }
        return out;
    }

    static boolean reachable(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
