package vn.laurel.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start who can sign in: an operator should not have to guess from a 401 later. */
@Singleton
public class SecurityNotices implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityNotices.class);
    private final KeySetRequired<?> keySet;
    private final DemoAccountsSwitch.State demo;

    public SecurityNotices(KeySetRequired<?> keySet, @Value("${" + DemoAccountsSwitch.WANTED + ":false}") boolean demoWanted,
                           @Nullable @Value("${" + DemoAccountsSwitch.HOST + ":}") String host) {
        this.keySet = keySet;
        this.demo = DemoAccountsSwitch.decide(demoWanted, host);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (keySet.keySet()) LOG.info("Bearer tokens are checked against the configured key set");
        else LOG.warn("No key set (LAUREL_JWKS_URL or LAUREL_JWKS_FILE): every bearer token is refused");
        if (demo.refused()) LOG.warn(demo.reason());
        else LOG.info(demo.reason());
    }
}
