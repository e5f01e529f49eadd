package vn.laurel.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.laurel.api.rules.RuleSetHolder;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this instance serves: the rule-set version in service (a gauge of 1 tagged with it, so a
 * dashboard sees two instances disagree), and the length of the decision chain, read at most every
 * {@code laurel.metrics.chain-length-every} (5 s) however often Prometheus scrapes.
 */
@Singleton
public class InstanceGauges {
    private final Supplier<String> version;
    private final LongSupplier chain;
    private final long everyNanos;
    private final MultiGauge ruleSet;
    private final AtomicLong chainLength = new AtomicLong(-1);
    private volatile long readAt;
    private volatile String shownVersion;

    @Inject
    public InstanceGauges(MeterRegistry registry, RuleSetHolder rules, ChainLengthStore chain,
                          @Value("${laurel.metrics.chain-length-every:5s}") Duration every) {
        // No rule set yet (or none loaded): no version, as Readiness reads it.
        this(registry, () -> rules.active() == null || rules.active().rules() == null ? null : rules.current().version(), chain::length, every);
    }

    InstanceGauges(MeterRegistry registry, Supplier<String> version, LongSupplier chain, Duration every) {
        this.version = version;
        this.chain = chain;
        this.everyNanos = every.toNanos();
        this.ruleSet = MultiGauge.builder("laurel.ruleset.active")
                .description("1 for the rule-set version this instance serves (tag version)").register(registry);
        Gauge.builder("laurel.chain.length", chainLength, AtomicLong::get)
                .description("Decisions in the audit chain (-1: the database did not answer)").register(registry);
    }

    /** Brings both gauges up to date; called before each scrape. */
    public void refresh() {
        // No rule set yet (or none loaded): the scrape still answers — readiness says rules MISSING — with no version row.
        String version = this.version.get();
        if (version == null) {
            if (shownVersion != null) ruleSet.register(List.of(), true);
            shownVersion = null;
        } else if (!version.equals(shownVersion)) {
            // overwrite: the version that left service is no longer reported
            ruleSet.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
            shownVersion = version;
        }
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt >= everyNanos) {
            chainLength.set(chain.getAsLong());
            readAt = now;
        }
    }
}
