package org.conventionledger.command.recruitment.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The master problems' linear programming solver on small problems with known answers. */
class SimplexTest {

    /** max 2x + 3y s.t. x + y ≤ 4, x + 3y ≤ 6 (with slacks): optimum x=3, y=1, value 9, duals 3/2 and 1/2. */
    @Test
    void solvesASmallProblemWithItsDuals() {
        Simplex simplex = new Simplex(new double[] {4, 6});
        int x = simplex.addColumn(new double[] {1, 1}, 2);
        int y = simplex.addColumn(new double[] {1, 3}, 3);
        simplex.addColumn(new double[] {1, 0}, 0);
        simplex.addColumn(new double[] {0, 1}, 0);

        assertThat(simplex.maximise()).isCloseTo(9, within(1e-12));
        assertThat(simplex.value(x)).isCloseTo(3, within(1e-12));
        assertThat(simplex.value(y)).isCloseTo(1, within(1e-12));
        assertThat(simplex.duals()).containsExactly(new double[] {1.5, 0.5}, within(1e-12));
    }

    /** Adding a column keeps the basis: the next solve starts from the previous optimum. */
    @Test
    void addingAColumnWarmStarts() {
        Simplex simplex = new Simplex(new double[] {1});
        int a = simplex.addColumn(new double[] {1}, 1);
        assertThat(simplex.maximise()).isCloseTo(1, within(1e-12));

        int b = simplex.addColumn(new double[] {1}, 2);
        assertThat(simplex.maximise()).isCloseTo(2, within(1e-12));
        assertThat(simplex.value(a)).isZero();
        assertThat(simplex.value(b)).isCloseTo(1, within(1e-12));
    }

    /**
     * Beale's example (1955), on which the largest-reduced-cost rule cycles without a safeguard, with
     * slacks: max 3/4 x4 − 150 x5 + 1/50 x6 − 6 x7 s.t. 1/4 x4 − 60 x5 − 1/25 x6 + 9 x7 ≤ 0,
     * 1/2 x4 − 90 x5 − 1/50 x6 + 3 x7 ≤ 0, x6 ≤ 1; optimum 1/20 at x4 = 1/25, x6 = 1.
     */
    @Test
    void doesNotCycleOnBealesExample() {
        Simplex simplex = new Simplex(new double[] {0, 0, 1});
        int x4 = simplex.addColumn(new double[] {0.25, 0.5, 0}, 0.75);
        simplex.addColumn(new double[] {-60, -90, 0}, -150);
        int x6 = simplex.addColumn(new double[] {-0.04, -0.02, 1}, 0.02);
        simplex.addColumn(new double[] {9, 3, 0}, -6);
        simplex.addColumn(new double[] {1, 0, 0}, 0);
        simplex.addColumn(new double[] {0, 1, 0}, 0);
        simplex.addColumn(new double[] {0, 0, 1}, 0);

        assertThat(simplex.maximise()).isCloseTo(0.05, within(1e-12));
        assertThat(simplex.value(x4)).isCloseTo(0.04, within(1e-12));
        assertThat(simplex.value(x6)).isCloseTo(1, within(1e-12));
    }

    @Test
    void reportsInfeasibleAndUnboundedProblems() {
        Simplex infeasible = new Simplex(new double[] {1});
        infeasible.addColumn(new double[] {0}, 1);
        assertThatThrownBy(infeasible::maximise).hasMessageContaining("infeasible");

        Simplex unbounded = new Simplex(new double[] {1});
        unbounded.addColumn(new double[] {1}, 0);
        unbounded.addColumn(new double[] {-1}, 1);
        assertThatThrownBy(unbounded::maximise).hasMessageContaining("unbounded");
    }
}
