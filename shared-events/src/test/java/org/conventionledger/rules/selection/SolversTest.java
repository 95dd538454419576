package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The GLOP set-up of the masters keeps its basis when a column is added (ADR-006): with GLOP's default
 * scaling, the scale factors move with every new column, GLOP sees a changed matrix and solves from
 * scratch, which made each re-solve of the 1,000-volunteer masters cost as much as the first.
 */
class SolversTest {

    private static final int ROWS = 40;
    private static final int COLUMNS = 120;

    @Test
    void aMasterReSolvedAfterOneNewColumnStartsFromItsPreviousBasis() {
        double[][] columns = columns(new Random(17));
        MPSolver warm = master(columns, COLUMNS);
        assertThat(warm.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
        column(warm, columns[COLUMNS]);
        assertThat(warm.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
        MPSolver cold = master(columns, COLUMNS + 1);
        assertThat(cold.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);

        assertThat(warm.objective().value()).isCloseTo(cold.objective().value(), within(1e-9));
        assertThat(cold.iterations()).isGreaterThan(10);
        assertThat(warm.iterations()).isLessThan(cold.iterations() / 2);
        warm.delete();
        cold.delete();
    }

    /** Random compositions as master columns: coefficients {@code c/n} of different magnitudes. */
    private static double[][] columns(Random random) {
        int[] sizes = new int[ROWS];
        for (int t = 0; t < ROWS; t++) {
            sizes[t] = 1 + random.nextInt(60);
        }
        double[][] columns = new double[COLUMNS + 1][ROWS];
        for (double[] column : columns) {
            for (int t = 0; t < ROWS; t++) {
                int seated = random.nextInt(3) == 0 ? random.nextInt(sizes[t] + 1) : 0;
                column[t] = (double) seated / sizes[t];
            }
        }
        return columns;
    }

    /** The master of one level with no type fixed: maximise z, every row ≥ z, the columns sum to 1. */
    private static MPSolver master(double[][] columns, int count) {
        MPSolver solver = Solvers.linear();
        MPVariable z = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "z");
        for (int t = 0; t < ROWS; t++) {
            solver.makeConstraint(0, Double.POSITIVE_INFINITY, "type" + t).setCoefficient(z, -1);
        }
        solver.makeConstraint(1, 1, "total");
        solver.objective().setCoefficient(z, 1);
        solver.objective().setMaximization();
        for (int j = 0; j < count; j++) {
            column(solver, columns[j]);
        }
        return solver;
    }

    private static void column(MPSolver solver, double[] coefficients) {
        MPVariable p = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "p" + solver.numVariables());
        MPConstraint[] rows = solver.constraints();
        for (int t = 0; t < ROWS; t++) {
            if (coefficients[t] > 0) {
                rows[t].setCoefficient(p, coefficients[t]);
            }
        }
        rows[ROWS].setCoefficient(p, 1);
    }
}
