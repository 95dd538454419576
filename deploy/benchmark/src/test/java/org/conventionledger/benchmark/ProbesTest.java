package org.conventionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trail's lag in seconds, from the processors' positions against the log's head, sampled each second. */
class ProbesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void secondsBehindCountFromTheLastPollBeforeTheProcessorsNextEventWasInTheLog() {
        Probes.ProcessorSampler sampler = new Probes.ProcessorSampler(null, "http://unused", 0);
        // the log grows by 100 events a second; the trail stalls at 150, the rankings keep up
        for (int t = 0; t <= 5; t++) {
            long head = 100L * (t + 1);
            sampler.record(t * SECOND, "audit-trail", Math.min(head, 150), head);
            sampler.record(t * SECOND, "rankings", head, head);
        }
        double[] trail = sampler.secondsBehind("audit-trail", 0, 6 * SECOND);
        // t=0: at the head. Event 151 was first seen at t=1 (head 200), so appended after t=0: at t=1..5 the trail
        // is at most 1..5 s behind
        assertThat(trail).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(sampler.secondsBehind("rankings", 0, 6 * SECOND)).containsOnly(0);
        assertThat(sampler.secondsBehind("audit-trail", 2 * SECOND, 4 * SECOND)).containsExactly(2, 3);
    }
}
