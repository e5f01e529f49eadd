package vn.laurel.api.pages;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Renders a template to text before the response starts. Micronaut Views renders while it writes the
 * response, and a template that fails there leaves the request hanging with no answer
 * (micronaut-views#832); rendered here first, a failure becomes an error page instead.
 */
@Singleton
public class PageRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(PageRenderer.class);
    private final ThymeleafViewsRenderer<Map<String, Object>> thymeleaf;

    public PageRenderer(ThymeleafViewsRenderer<Map<String, Object>> thymeleaf) {
        this.thymeleaf = thymeleaf;
    }

    /** The page as HTML; throws {@link PageFailed} when the template cannot be rendered. */
    public String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            thymeleaf.render(view, model, request).writeTo(out);
        } catch (IOException | RuntimeException e) {
            LOG.error("page {} could not be rendered for {}", view, request.getPath(), e);
            throw new PageFailed(view, e);
        }
        return out.toString();
    }

    /** A template that failed to render. */
    public static final class PageFailed extends RuntimeException {
        PageFailed(String view, Throwable cause) {
            super("page " + view + " could not be rendered", cause);
        }
    }
}
