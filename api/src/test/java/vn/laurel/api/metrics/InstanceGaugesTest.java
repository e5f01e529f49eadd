package vn.laurel.api.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20 review 9: a scrape answers with no rules loaded, and the chain's length is read at most once an interval. */
class InstanceGaugesTest {
    @Test
    void with_no_rules_loaded_a_refresh_shows_no_version_and_still_the_chain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<String> version = new AtomicReference<>();
        InstanceGauges gauges = new InstanceGauges(registry, version::get, () -> 7, Duration.ZERO);
        gauges.refresh();
        assertThat(registry.find("laurel.ruleset.active").gauges()).isEmpty();
        assertThat(registry.get("laurel.chain.length").gauge().value()).isEqualTo(7);
        version.set("sha256:abc");
        gauges.refresh();
        assertThat(registry.get("laurel.ruleset.active").tag("version", "sha256:abc").gauge().value()).isEqualTo(1);
        version.set(null); // the rules went away: the version row with them, and still no failure
        gauges.refresh();
        assertThat(registry.find("laurel.ruleset.active").gauges()).isEmpty();
    }

    @Test
    void two_scrapes_within_the_interval_read_the_chain_once() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        InstanceGauges gauges = new InstanceGauges(new SimpleMeterRegistry(), () -> "v", () -> reads.incrementAndGet(), Duration.ofMillis(300));
        gauges.refresh();
        gauges.refresh();
        assertThat(reads.get()).isEqualTo(1);
        Thread.sleep(350);
        gauges.refresh();
        assertThat(reads.get()).isEqualTo(2);
    }
}
