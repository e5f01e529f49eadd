package vn.laurel.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers of the web workbench's pages: a Content-Security-Policy that admits only Laurel's own
 * scripts, styles and images (no inline script, no CDN), no framing, no sniffing, no caching of pages
 * that show personal data. Not on the API (JSON) nor on the Swagger UI (which has inline scripts).
 */
@ServerFilter("/**")
public class PageHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/swagger")) return;
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        if (!path.startsWith("/assets/")) response.header("Cache-Control", "no-store");
    }
}
