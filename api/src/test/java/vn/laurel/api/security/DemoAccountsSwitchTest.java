package vn.laurel.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the server listens decides whether the demo accounts may be on. */
class DemoAccountsSwitchTest {
    @Test
    void loopback_addresses_are_told_from_every_other() {
        for (String local : new String[]{"127.0.0.1", "127.0.0.53", "::1", "[::1]", "localhost", " 127.0.0.1 "}) {
            assertThat(BindAddress.isLoopback(local)).as(local).isTrue();
        }
        for (String open : new String[]{null, "", " ", "0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "8.8.8.8", "no-such-host.invalid"}) {
            assertThat(BindAddress.isLoopback(open)).as(String.valueOf(open)).isFalse();
        }
    }

    @Test
    void demo_accounts_are_on_only_when_asked_for_and_bound_to_loopback() {
        assertThat(DemoAccountsSwitch.decide(true, "127.0.0.1").on()).isTrue();
        assertThat(DemoAccountsSwitch.decide(true, "localhost").on()).isTrue();
        assertThat(DemoAccountsSwitch.decide(false, "127.0.0.1")).extracting(DemoAccountsSwitch.State::on, DemoAccountsSwitch.State::refused)
                .containsExactly(false, false);
        for (String host : new String[]{"0.0.0.0", "::", "192.168.1.10", null, ""}) {
            DemoAccountsSwitch.State s = DemoAccountsSwitch.decide(true, host);
            assertThat(s.on()).as(String.valueOf(host)).isFalse();
            assertThat(s.refused()).isTrue();
            assertThat(s.reason()).contains("REFUSED").contains("not a loopback address");
        }
    }

    @Test
    void the_default_bind_address_is_loopback() {
        assertThat(BindAddress.isLoopback(BindAddress.DEFAULT)).isTrue();
    }
}
