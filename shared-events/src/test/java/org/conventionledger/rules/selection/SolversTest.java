package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The GLOP set-up of the masters keeps its basis when a composition is added (ADR-006). Since
 * {@code leximin-v5} the master is solved as its dual, where a composition is a new row: GLOP reuses its
 * basis for new rows only in its dual simplex (with the primal simplex of v4 such a re-solve started from
 * scratch), and only if the matrix is not rescaled (with GLOP's default scaling, the scale factors move
 * with every addition, GLOP sees a changed matrix and solves from scratch).
 */
class SolversTest {

    private static final int TYPES = 300;
    private static final int PANEL = 60;
    private static final int COMPOSITIONS = 1_500;

    @Test
    void aMasterReSolvedAfterOneNewCompositionStartsFromItsPreviousBasis() {
        int[][] compositions = compositions(new Random(17));
        MPSolver warm = master(compositions, COMPOSITIONS);
        assertThat(warm.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
        compositions[COMPOSITIONS] = heaviest(warm);
        row(warm, compositions[COMPOSITIONS]);
        assertThat(warm.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
        MPSolver cold = master(compositions, COMPOSITIONS + 1);
        assertThat(cold.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);

        assertThat(warm.objective().value()).isCloseTo(cold.objective().value(), within(1e-9));
        assertThat(cold.iterations()).isGreaterThan(10);
        assertThat(warm.iterations()).isLessThan(cold.iterations() / 2);
        warm.delete();
        cold.delete();
    }

    /** The composition of largest weight at the master's solution, as pricing would return: it cuts it off. */
    private static int[] heaviest(MPSolver solver) {
        MPVariable[] variables = solver.variables();
        Integer[] order = new Integer[TYPES];
        for (int t = 0; t < TYPES; t++) {
            order[t] = t;
        }
        Arrays.sort(
                order, (a, b) -> Double.compare(variables[b + 1].solutionValue(), variables[a + 1].solutionValue()));
        int[] composition = new int[TYPES];
        for (int seat = 0; seat < PANEL; seat++) {
            composition[order[seat]] = 1;
        }
        return composition;
    }

    /** Random panels of {@value #PANEL} out of {@value #TYPES} volunteers, each a type of their own. */
    private static int[][] compositions(Random random) {
        int[][] compositions = new int[COMPOSITIONS + 1][TYPES];
        for (int[] composition : compositions) {
            for (int seat = 0; seat < PANEL; seat++) {
                int t = random.nextInt(TYPES);
                while (composition[t] == 1) {
                    t = (t + 1) % TYPES;
                }
                composition[t] = 1;
            }
        }
        return compositions;
    }

    /**
     * The dual master of the first level, over the seat weights of types of one member each: minimise the
     * cap, every composition's weight at most the cap, the weights add up to at least 1.
     */
    private static MPSolver master(int[][] compositions, int count) {
        MPSolver solver = Solvers.linear();
        MPVariable cap = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "cap");
        MPConstraint unfixed = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "unfixed");
        for (int t = 0; t < TYPES; t++) {
            unfixed.setCoefficient(solver.makeNumVar(0, Double.POSITIVE_INFINITY, "s" + t), 1);
        }
        solver.objective().setCoefficient(cap, 1);
        solver.objective().setMinimization();
        for (int j = 0; j < count; j++) {
            row(solver, compositions[j]);
        }
        return solver;
    }

    private static void row(MPSolver solver, int[] composition) {
        MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "c" + solver.numConstraints());
        MPVariable[] variables = solver.variables();
        for (int t = 0; t < TYPES; t++) {
            if (composition[t] > 0) {
                row.setCoefficient(variables[t + 1], composition[t]);
            }
        }
        row.setCoefficient(variables[0], -1);
    }
}
