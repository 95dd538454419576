package org.conventionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed tree heads' merge delay (ADR-005), read from the run's log: for every event, the time from its
 * timestamp to that of the first {@code TreeHeadSigned} whose {@code position} covers it; an event no head
 * covers yet counts with its age at the measurement, and is a breach only once older than the stated maximum.
 */
final class MergeDelay {

    static final String HEAD_TYPE = "org.conventionledger.events.oversight.TreeHeadSigned";

    /** The services' default {@code ledger.tree-heads.max-merge-delay}. */
    static final Duration DEFAULT_MAX = Duration.ofMinutes(5);

    private MergeDelay() {}

    /** {@code --service-property ledger.tree-heads.max-merge-delay=…} when given, else the services' default. */
    static Duration stated(List<String> serviceProperties) {
        return serviceProperties.stream()
                .filter(p -> p.startsWith("ledger.tree-heads.max-merge-delay="))
                .map(p -> Duration.parse(p.substring(p.indexOf('=') + 1)))
                .reduce((first, last) -> last)
                .orElse(DEFAULT_MAX);
    }

    /** Retried for up to a minute, as the benchmark's other queries: a shared server may be out of connections. */
    static Map<String, Object> measure(EventStore store, Duration stated, Instant now)
            throws SQLException, InterruptedException {
        SQLException last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                return measureOnce(store, stated, now);
            } catch (SQLException e) {
                last = e;
                Thread.sleep(1_000);
            }
        }
        throw last;
    }

    private static Map<String, Object> measureOnce(EventStore store, Duration stated, Instant now) throws SQLException {
        List<long[]> heads = new ArrayList<>(); // {covered position, head's time in ms}
        double[] delays;
        int covered = 0;
        double oldestUncovered = 0;
        int uncovered = 0;
        try (Connection c = store.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT timeStamp, payload FROM DomainEventEntry WHERE payloadType = '"
                    + HEAD_TYPE + "' ORDER BY globalIndex")) {
                while (rs.next()) {
                    JsonNode head = Api.JSON.readTree(rs.getBytes(2));
                    heads.add(new long[] {
                        head.path("position").asLong(),
                        Instant.parse(rs.getString(1)).toEpochMilli()
                    });
                }
            } catch (java.io.IOException e) {
                throw new SQLException("a tree head's payload is not JSON", e);
            }
            s.setFetchSize(10_000);
            delays = new double[1 << 16];
            try (ResultSet rs =
                    s.executeQuery("SELECT globalIndex, timeStamp FROM DomainEventEntry ORDER BY globalIndex")) {
                int next = 0;
                while (rs.next()) {
                    long position = rs.getLong(1);
                    long at = Instant.parse(rs.getString(2)).toEpochMilli();
                    while (next < heads.size() && heads.get(next)[0] < position) {
                        next++;
                    }
                    if (next < heads.size()) {
                        if (covered == delays.length) {
                            delays = Arrays.copyOf(delays, covered * 2);
                        }
                        delays[covered++] = Math.max(0, heads.get(next)[1] - at) / 1000.0;
                    } else {
                        uncovered++;
                        oldestUncovered = Math.max(oldestUncovered, (now.toEpochMilli() - at) / 1000.0);
                    }
                }
            }
        }
        delays = Arrays.copyOf(delays, covered);
        Arrays.sort(delays);
        Map<String, Object> m = new LinkedHashMap<>();
        double max = delays.length == 0 ? 0 : delays[delays.length - 1];
        m.put("statedMaxSeconds", stated.toMillis() / 1000.0);
        m.put("heads", heads.size());
        m.put("eventsCovered", covered);
        m.put("p50Seconds", delays.length == 0 ? null : Probes.percentile(delays, 50));
        m.put("p99Seconds", delays.length == 0 ? null : Probes.percentile(delays, 99));
        m.put("maxSeconds", delays.length == 0 ? null : max);
        m.put("eventsNotYetCovered", uncovered);
        m.put("oldestNotCoveredAgeSeconds", oldestUncovered);
        double limit = stated.toMillis() / 1000.0;
        // within the guarantee: no event waited longer than the stated delay, whether a head covers it yet or not
        m.put("withinStatedMax", max <= limit && oldestUncovered <= limit);
        return m;
    }
}
