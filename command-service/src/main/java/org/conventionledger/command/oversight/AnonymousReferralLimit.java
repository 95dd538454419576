package org.conventionledger.command.oversight;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many referrals the public may send without an account: at most {@code per-address} per client address
 * in each {@code window}, counted in memory only (nothing about an address reaches the log or a disk) for at
 * most {@code max-addresses} addresses at once (properties {@code ledger.referrals.anonymous.*}). When that
 * many addresses are within their window, anonymous referrals wait until windows end: a flood from many
 * addresses can hold up the public's referrals for one window, never those of signed-in people, and never
 * the memory. Hand-written because Bucket4j is not among the libraries this build may use, and
 * resilience4j's limiter keeps one limiter per key in a registry without a bound.
 *
 * <p>The client is the connection's peer, except that a peer named in {@code trusted-proxies} (by default
 * this host, where the pages relay a browser's form) is believed about the last address it puts in
 * {@code X-Forwarded-For}.
 */
@Component
public class AnonymousReferralLimit {

    private record Window(Instant start, int count) {}

    private final int perAddress;
    private final Duration window;
    private final int maxAddresses;
    private final Set<String> trustedProxies;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    @Autowired
    public AnonymousReferralLimit(
            @Value("${ledger.referrals.anonymous.per-address:5}") int perAddress,
            @Value("${ledger.referrals.anonymous.window:PT1H}") Duration window,
            @Value("${ledger.referrals.anonymous.max-addresses:10000}") int maxAddresses,
            @Value("${ledger.referrals.anonymous.trusted-proxies:127.0.0.1,0:0:0:0:0:0:0:1}")
                    List<String> trustedProxies) {
        this(perAddress, window, maxAddresses, trustedProxies, Clock.systemUTC());
    }

    AnonymousReferralLimit(
            int perAddress, Duration window, int maxAddresses, List<String> trustedProxies, Clock clock) {
        this.perAddress = perAddress;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.clock = clock;
    }

    /**
     * Counts one referral from the request's client. Empty when it is admitted; when its address (or the
     * table) is full, how long until one from that address would be: its own window's end, or the earliest
     * end among the full table's windows.
     */
    public Optional<Duration> admit(HttpServletRequest request) {
        return admit(client(request));
    }

    synchronized Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        Window current = windows.get(address);
        if (current == null || ended(current, now)) {
            if (current == null && windows.size() >= maxAddresses) {
                windows.values().removeIf(w -> ended(w, now));
                if (windows.size() >= maxAddresses) {
                    return Optional.of(windows.values().stream()
                            .map(w -> until(w, now))
                            .min(Comparator.naturalOrder())
                            .orElse(window));
                }
            }
            current = new Window(now, 0);
        }
        if (current.count() >= perAddress) {
            return Optional.of(until(current, now));
        }
        windows.put(address, new Window(current.start(), current.count() + 1));
        return Optional.empty();
    }

    private boolean ended(Window w, Instant now) {
        return !now.isBefore(end(w));
    }

    private Instant end(Window w) {
        return w.start().plus(window);
    }

    private Duration until(Window w, Instant now) {
        return Duration.between(now, end(w));
    }

    String client(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        // the last hop is the one the trusted proxy added; earlier ones are whatever the client claimed
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }
}
