package vn.laurel.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The pages' side of web/ControlCharacters: a NUL or a line break in a page's path or query is an
 * attack on what lies behind (PostgreSQL refuses NUL in text, logs split on line breaks), answered with
 * a 400 page before any page controller sees it. A tab in a query value is let through: it is what a
 * pasted search may carry, and the search folds it to a space.
 */
@ServerFilter("/**")
public class PageControlCharacters {
    private final Pages pages;

    public PageControlCharacters(Pages pages) {
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        String raw = request.getPath();
        if (raw == null || raw.equals("/api") || raw.startsWith("/api/")) return null; // the API answers problem documents
        String path;
        try {
            path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return pages.error(request, HttpStatus.BAD_REQUEST, "error.characters");
        }
        if (control(path, false)) return pages.error(request, HttpStatus.BAD_REQUEST, "error.characters");
        for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
            if (control(p.getKey(), false)) return pages.error(request, HttpStatus.BAD_REQUEST, "error.characters");
            for (String v : p.getValue()) {
                if (control(v, true)) return pages.error(request, HttpStatus.BAD_REQUEST, "error.characters");
            }
        }
        return null;
    }

    private static boolean control(String s, boolean tabAllowed) {
        return s.chars().anyMatch(c -> (c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7F);
    }
}
