package org.conventionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark itself never runs under {@code mvn verify}; its argument parsing and pure helpers do. */
class OptionsTest {

    @Test
    void defaultsAreTheIssuesFullRun() {
        Options o = Options.parse();
        assertThat(o.ballots()).isEqualTo(1_000_000);
        assertThat(o.clients()).isEqualTo(32);
        assertThat(o.store()).isEqualTo(Options.Store.H2);
        assertThat(o.crash()).isFalse();
        assertThat(o.rawEvents()).isEqualTo(1_000_000);
        assertThat(o.rebuild()).containsExactly("rankings");
        assertThat(o.batchBallots()).isEqualTo(1_000_000);
        assertThat(o.batchSize()).isEqualTo(500);
        assertThat(o.rawReferenceBatch()).isEqualTo(256);
    }

    @Test
    void readsTheScriptsOptions() {
        Options o = Options.parse(
                "--ballots",
                "20_000",
                "--clients",
                "8",
                "--store",
                "postgres",
                "--crash",
                "--json",
                "--rebuild",
                "rankings,dashboard",
                "--profile",
                "benchmark",
                "--raw-events",
                "5000");
        assertThat(o.ballots()).isEqualTo(20_000);
        assertThat(o.clients()).isEqualTo(8);
        assertThat(o.store()).isEqualTo(Options.Store.POSTGRES);
        assertThat(o.crash()).isTrue();
        assertThat(o.json()).isTrue();
        assertThat(o.rebuild()).containsExactly("rankings", "dashboard");
        assertThat(o.profiles()).containsExactly("benchmark");
        assertThat(o.rawEvents()).isEqualTo(5_000);
        assertThat(Options.parse("--rebuild", "none").rebuild()).isEmpty();
    }

    @Test
    void refusesBadUsageWithAMessage() {
        assertThatThrownBy(() -> Options.parse("--store", "mysql"))
                .isInstanceOf(Options.Usage.class)
                .hasMessageContaining("h2 or postgres");
        assertThatThrownBy(() -> Options.parse("--ballots"))
                .isInstanceOf(Options.Usage.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse("--clients", "0"))
                .isInstanceOf(Options.Usage.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Options.parse("--frobnicate", "1"))
                .isInstanceOf(Options.Usage.class)
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Options.parse("--crash", "--ballots", "10")).isInstanceOf(Options.Usage.class);
        assertThatThrownBy(() -> Options.parse("--help"))
                .isInstanceOf(Options.Usage.class)
                .hasMessage(null);
        assertThatThrownBy(() -> Options.parse("--batch-size", "501"))
                .isInstanceOf(Options.Usage.class)
                .hasMessageContaining("at most 500");
        assertThat(Options.parse("--batch-ballots", "0", "--batch-size", "100").batchBallots())
                .isZero();
    }

    @Test
    void ballotsAreDeterministicDistinctAndOnTheBallot() {
        for (long voter = 0; voter < 10_000; voter++) {
            int[] choices = Ballots.choices(voter, 12);
            assertThat(choices).hasSizeBetween(1, 3);
            assertThat(Arrays.stream(choices).distinct().count()).isEqualTo(choices.length);
            assertThat(Arrays.stream(choices).allMatch(c -> c >= 1 && c <= 12)).isTrue();
            assertThat(Ballots.choices(voter, 12)).isEqualTo(choices);
        }
        assertThat(Ballots.body("r1", 7, 12)).startsWith("{\"voterRef\":\"bench-r1-7\",\"choices\":[");
    }

    @Test
    void readsTheRankingsBallotCountAndTakesPercentiles() {
        assertThat(Probes.RankingProbe.onlineBallots("{\"a\":1,\"onlineBallots\":12345,\"entries\":[]}"))
                .isEqualTo(12_345);
        assertThat(Probes.RankingProbe.onlineBallots("{}")).isEqualTo(-1);
        double[] values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertThat(Probes.percentile(values, 50)).isEqualTo(5);
        assertThat(Probes.percentile(values.clone(), 99)).isEqualTo(10);
        assertThat(Probes.percentile(new double[0], 50)).isNaN();
        assertThat(List.of(Options.Store.values())).hasSize(2);
    }
}
