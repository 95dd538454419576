package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.conventionledger.command.platform.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The public's rate limit: per address and window, a bounded table, and whose forwarded address counts. */
class AnonymousReferralLimitTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T10:00:00Z"));

    private AnonymousReferralLimit limit(int perAddress, int maxAddresses) {
        return new AnonymousReferralLimit(perAddress, Duration.ofHours(1), maxAddresses, List.of("127.0.0.1"), clock);
    }

    @Test
    void anAddressGetsItsCountPerWindowAndAgainWhenTheWindowEndsAndIsToldHowLongToWait() {
        AnonymousReferralLimit limit = limit(2, 10);
        assertThat(limit.admit("a")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limit.admit("a")).isEmpty();
        assertThat(limit.admit("a"))
                .as("until the window that began with the first")
                .hasValue(Duration.ofMinutes(50));
        assertThat(limit.admit("b")).as("another address").isEmpty();
        clock.advance(Duration.ofMinutes(49).plusSeconds(30));
        assertThat(limit.admit("a")).hasValue(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.admit("a")).isEmpty();
    }

    @Test
    void aFullTableRefusesNewAddressesUntilWindowsEndButNeverGrows() {
        AnonymousReferralLimit limit = limit(5, 3);
        for (String address : List.of("a", "b", "c")) {
            assertThat(limit.admit(address)).isEmpty();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(limit.admit("d"))
                .as("table full: until the oldest window ends")
                .hasValue(Duration.ofMinutes(45));
        assertThat(limit.admit("a")).as("a known address keeps its count").isEmpty();
        clock.advance(Duration.ofMinutes(45));
        assertThat(limit.admit("d")).as("the ended windows made room").isEmpty();
    }

    @Test
    void onlyATrustedProxyIsBelievedAboutTheClientsAddress() {
        AnonymousReferralLimit limit = limit(1, 10);
        MockHttpServletRequest relayed = new MockHttpServletRequest();
        relayed.setRemoteAddr("127.0.0.1");
        relayed.addHeader("X-Forwarded-For", "10.9.9.9, 198.51.100.7");
        assertThat(limit.client(relayed)).as("the hop the proxy added").isEqualTo("198.51.100.7");
        MockHttpServletRequest direct = new MockHttpServletRequest();
        direct.setRemoteAddr("203.0.113.5");
        direct.addHeader("X-Forwarded-For", "198.51.100.7");
        assertThat(limit.client(direct)).isEqualTo("203.0.113.5");
    }
}
