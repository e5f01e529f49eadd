import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check: the image has no shell and no curl, so the JDK runs this file
 * ({@code java /app/bin/HealthCheck.java}) and exits 0 when /health/ready answers 200.
 */
public class HealthCheck {
    public static void main(String[] args) throws Exception {
        String port = System.getenv().getOrDefault("LAUREL_PORT", "8080");
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health/ready").toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        int status;
        try {
            status = c.getResponseCode();
        } catch (java.io.IOException e) {
            status = -1;
        }
        System.exit(status == 200 ? 0 : 1);
    }
}
