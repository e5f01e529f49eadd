package vn.laurel.api.rules;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSetException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles every approved draft's rules on this instance before anyone publishes it. Compiling a
 * changed regime takes a second or more (longer on a busy server); done here, ahead of time and off
 * the request path, the instance that follows the publication finds the version compiled and only
 * swaps — well within the 2 s an instance has to follow a change.
 */
@Singleton
public class RuleWarmer {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWarmer.class);
    private static final int REMEMBERED = 64;

    private final RuleCandidates candidates;
    private final CompiledRuleSets compiled;
    private final RuleSetHolder holder;
    /** Contents already compiled (or found broken): not read again at every check. */
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public RuleWarmer(RuleCandidates candidates, CompiledRuleSets compiled, RuleSetHolder holder) {
        this.candidates = candidates;
        this.compiled = compiled;
        this.holder = holder;
    }

    @Scheduled(fixedDelay = "${laurel.rules.poll-interval:1s}", initialDelay = "${laurel.rules.poll-interval:1s}")
    void warm() {
        try {
            // The newest few only: more would push the rules in service out of the cache of compiled versions.
            for (RuleCandidates.Candidate c : candidates.approved().stream().limit(CompiledRuleSets.KEPT - 2).toList()) {
                if (seen.contains(c.contentHash())) continue;
                Optional<byte[]> zip = candidates.rulesZip(c.draftId(), c.contentHash());
                if (zip.isEmpty()) continue;
                String version = RuleBundle.fromZips(zip.get(), null).rulesVersion();
                compiled.touch(holder.current().version());
                if (compiled.cached(version).isEmpty()) {
                    try {
                        compiled.compileStored(version, zip::get);
                        LOG.info("Compiled ahead the rules of approved draft {} (version {})", c.draftId(), version);
                    } catch (RuleSetException e) {
                        LOG.warn("The rules of approved draft {} do not compile here: {}", c.draftId(), e.getMessage());
                    }
                }
                seen.add(c.contentHash()); // compiled, or refused for good: not read again
            }
        } catch (RuntimeException | StackOverflowError e) {
            // The database away, or a draft changed meanwhile: nothing was marked seen, the next round tries again.
            LOG.warn("Could not compile approved drafts ahead: {}", e.toString());
        }
    }
}
