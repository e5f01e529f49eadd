package vn.laurel.api;

import io.micronaut.context.ApplicationContext;
import vn.laurel.api.rules.RuleDirectories;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.engine.ruleset.RuleBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes rules in a test the way a reviewed draft is published. For now it calls the service's
 * bean (check, then {@link RuleSetService#publish}); once the drafts API lands (issue 15 Part B) it can
 * go through a draft proposed by the caller and approved by another demo account.
 */
public final class Publishing {
    private Publishing() {}

    /** The bundle of the revision the instance serves. */
    public static RuleBundle active(ApplicationContext context) {
        return context.getBean(RuleStore.class).bundle(context.getBean(RuleSetHolder.class).active().revisionId());
    }

    /** The active revision with one file replaced, published. */
    public static RuleSetService.Published withFile(ApplicationContext context, String path, String from, String to, String by) {
        RuleBundle active = active(context);
        String text = new String(active.file(path).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).as(path).contains(from);
        return publish(context, active.with(path, text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8)), by);
    }

    /** The server's rules and scenario directories, published: what a reload does once its draft is approved. */
    public static RuleSetService.Published directory(ApplicationContext context, String by) {
        return publish(context, context.getBean(RuleDirectories.class).bundle(), by);
    }

    public static RuleSetService.Published publish(ApplicationContext context, RuleBundle bundle, String by) {
        RuleSetService service = context.getBean(RuleSetService.class);
        RuleSetService.CheckResult check = service.check(bundle);
        assertThat(check.passed()).as("check of the bundle to publish: " + check.problems() + " " + check.failures()).isTrue();
        return service.publish(bundle, check.compiled(), context.getBean(RuleSetHolder.class).active().revisionId(), by,
                "published by a test", null, RuleChangeLog.Action.PUBLISHED, null);
    }
}
