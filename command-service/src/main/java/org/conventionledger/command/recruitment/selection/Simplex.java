package org.conventionledger.command.recruitment.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dense revised simplex for {@code maximise c·x  s.t.  A·x = b, x ≥ 0} (with {@code b ≥ 0}) to which
 * columns can be added between solves, the basis being kept (warm start): the master problem of
 * {@link LeximinSelection}'s column generation.
 *
 * <p>Why not ojAlgo's linear solvers: the master problems are highly degenerate (most right-hand sides
 * are 0) and both of ojAlgo 55's simplex implementations were seen to cycle on them for minutes. This
 * one cannot cycle: it prices by largest (scaled) reduced cost, but after {@value #DEGENERATE_STEPS_BEFORE_BLAND}
 * pivots in a row that do not move the solution it switches to Bland's rule (entering: the lowest-index
 * improving column; leaving: among the tied rows, the lowest-index basic variable), which is known to
 * terminate, until a pivot moves the solution again.
 *
 * <p>Phase 1 starts from one artificial variable per row and maximises minus their sum; artificials left
 * in the basis at zero are then pivoted out where possible and never re-enter. The basis inverse is kept
 * explicitly and recomputed from scratch every {@value #REFACTOR_EVERY} pivots to bound rounding drift.
 */
final class Simplex {

    private static final double COST_TOLERANCE = 1e-11;
    private static final double PIVOT_TOLERANCE = 1e-9;
    private static final double FEASIBILITY_TOLERANCE = 1e-9;
    private static final int REFACTOR_EVERY = 100;
    private static final int DEGENERATE_STEPS_BEFORE_BLAND = 20;
    private static final int MAX_PIVOTS = 1_000_000;

    private final int rows;
    private final double[] rhs;
    private final List<SparseColumn> columns = new ArrayList<>();
    private final List<Double> costs = new ArrayList<>();
    /** The basic variable of each row: a column index, or {@code -1 - row} for that row's artificial. */
    private final int[] basis;
    private double[][] inverse;
    private double[] values;
    private boolean feasible;
    private int pivotsSinceRefactor;

    Simplex(double[] rhs) {
        this.rows = rhs.length;
        this.rhs = rhs.clone();
        for (double b : rhs) {
            if (!(b >= 0)) {
                throw new IllegalArgumentException("Right-hand sides must be >= 0");
            }
        }
        basis = new int[rows];
        inverse = new double[rows][rows];
        for (int r = 0; r < rows; r++) {
            basis[r] = -1 - r;
            inverse[r][r] = 1;
        }
        values = this.rhs.clone();
    }

    /** Adds a column (a variable, non-basic at 0) and returns its index. */
    int addColumn(double[] column, double cost) {
        if (column.length != rows) {
            throw new IllegalArgumentException("A column needs " + rows + " entries, found " + column.length);
        }
        columns.add(SparseColumn.of(column));
        costs.add(cost);
        return columns.size() - 1;
    }

    /**
     * Solves from the current basis and returns the optimal objective.
     *
     * @throws IllegalStateException if the problem is infeasible or unbounded
     */
    double maximise() {
        if (!feasible) {
            iterate(true);
            double infeasibility = 0;
            for (int r = 0; r < rows; r++) {
                if (basis[r] < 0) {
                    infeasibility += values[r];
                }
            }
            if (infeasibility > FEASIBILITY_TOLERANCE * Math.max(1, rows)) {
                throw new IllegalStateException("The linear program is infeasible (phase 1 left " + infeasibility + ")");
            }
            driveOutArtificials();
            feasible = true;
        }
        iterate(false);
        double objective = 0;
        for (int r = 0; r < rows; r++) {
            objective += cost(basis[r], false) * values[r];
        }
        return objective;
    }

    /** The value of column {@code column} in the current basic solution. */
    double value(int column) {
        for (int r = 0; r < rows; r++) {
            if (basis[r] == column) {
                return Math.max(0, values[r]);
            }
        }
        return 0;
    }

    /** The row multipliers {@code c_B·B⁻¹} of the current basis (the dual solution once optimal). */
    double[] duals() {
        return multipliers(false);
    }

    private void iterate(boolean phaseOne) {
        int degenerateSteps = 0;
        for (int pivots = 0; pivots < MAX_PIVOTS; pivots++) {
            boolean bland = degenerateSteps >= DEGENERATE_STEPS_BEFORE_BLAND;
            int entering = entering(multipliers(phaseOne), phaseOne, bland);
            if (entering < 0) {
                return;
            }
            double[] direction = times(inverse, columns.get(entering));
            int leaving = leaving(direction, bland, phaseOne);
            if (leaving < 0) {
                throw new IllegalStateException("The linear program is unbounded");
            }
            // a basic artificial leaves at zero, whatever the sign of its entry (see leaving)
            double step = basis[leaving] < 0 && !phaseOne ? 0 : Math.max(0, values[leaving]) / direction[leaving];
            degenerateSteps = step > PIVOT_TOLERANCE ? 0 : degenerateSteps + 1;
            pivot(leaving, entering, direction, step);
        }
        throw new IllegalStateException("The simplex did not converge in " + MAX_PIVOTS + " pivots");
    }

    private double[] multipliers(boolean phaseOne) {
        double[] multipliers = new double[rows];
        for (int r = 0; r < rows; r++) {
            double c = cost(basis[r], phaseOne);
            if (c != 0) {
                double[] row = inverse[r];
                for (int i = 0; i < rows; i++) {
                    multipliers[i] += c * row[i];
                }
            }
        }
        return multipliers;
    }

    /**
     * The entering column: the largest reduced cost per unit of the column's norm (so that columns are
     * compared on the same scale, which took a quarter fewer pivots than the plain largest reduced cost),
     * or under Bland's rule the first improving column; -1 if none improves.
     */
    private int entering(double[] multipliers, boolean phaseOne, boolean bland) {
        boolean[] basic = new boolean[columns.size()];
        for (int b : basis) {
            if (b >= 0) {
                basic[b] = true;
            }
        }
        int best = -1;
        double bestRate = 0;
        for (int j = 0; j < columns.size(); j++) {
            if (basic[j]) {
                continue;
            }
            double reducedCost = cost(j, phaseOne) - columns.get(j).dot(multipliers);
            if (reducedCost > COST_TOLERANCE) {
                if (bland) {
                    return j;
                }
                double rate = reducedCost / columns.get(j).norm();
                if (rate > bestRate) {
                    best = j;
                    bestRate = rate;
                }
            }
        }
        return best;
    }

    /**
     * The leaving row by the ratio test; a basic artificial (at zero after phase 1) leaves first whenever
     * the entering column touches its row, so that it can never grow again. Ties: the larger pivot, or
     * under Bland's rule the lower basic index. -1 if no row limits the step (unbounded).
     */
    private int leaving(double[] direction, boolean bland, boolean phaseOne) {
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            double ratio;
            if (!phaseOne && basis[r] < 0 && Math.abs(direction[r]) > PIVOT_TOLERANCE) {
                ratio = 0;
            } else if (direction[r] > PIVOT_TOLERANCE) {
                ratio = Math.max(0, values[r]) / direction[r];
            } else {
                continue;
            }
            boolean better = best < 0 || ratio < bestRatio - 1e-12;
            boolean tied = !better && ratio <= bestRatio + 1e-12;
            if (tied) {
                better = bland ? order(basis[r]) < order(basis[best])
                        : Math.abs(direction[r]) > Math.abs(direction[best]);
            }
            if (better) {
                best = r;
                bestRatio = Math.min(ratio, bestRatio);
            }
        }
        return best;
    }

    private void pivot(int row, int column, double[] direction, double step) {
        for (int r = 0; r < rows; r++) {
            if (r != row) {
                values[r] -= step * direction[r];
            }
        }
        values[row] = step;
        double[] pivotRow = inverse[row];
        double pivot = direction[row];
        for (int i = 0; i < rows; i++) {
            pivotRow[i] /= pivot;
        }
        for (int r = 0; r < rows; r++) {
            double factor = direction[r];
            if (r != row && factor != 0) {
                double[] target = inverse[r];
                for (int i = 0; i < rows; i++) {
                    target[i] -= factor * pivotRow[i];
                }
            }
        }
        basis[row] = column;
        if (++pivotsSinceRefactor >= REFACTOR_EVERY) {
            refactor();
        }
    }

    /** Pivots each basic artificial out on any column with a usable entry in its row (degenerate pivots). */
    private void driveOutArtificials() {
        for (int r = 0; r < rows; r++) {
            if (basis[r] >= 0) {
                continue;
            }
            values[r] = 0;
            int best = -1;
            double bestEntry = PIVOT_TOLERANCE;
            for (int j = 0; j < columns.size(); j++) {
                double entry = Math.abs(columns.get(j).dot(inverse[r]));
                if (entry > bestEntry && !isBasic(j)) {
                    best = j;
                    bestEntry = entry;
                }
            }
            if (best >= 0) {
                pivot(r, best, times(inverse, columns.get(best)), 0);
            }
        }
    }

    /** Recomputes the basis inverse by Gauss-Jordan elimination with partial pivoting, and the values. */
    private void refactor() {
        double[][] matrix = new double[rows][2 * rows];
        for (int r = 0; r < rows; r++) {
            int b = basis[r];
            if (b < 0) {
                matrix[-1 - b][r] = 1;
            } else {
                SparseColumn column = columns.get(b);
                for (int k = 0; k < column.rows.length; k++) {
                    matrix[column.rows[k]][r] = column.values[k];
                }
            }
            matrix[r][rows + r] = 1;
        }
        for (int c = 0; c < rows; c++) {
            int pivotRow = c;
            for (int i = c + 1; i < rows; i++) {
                if (Math.abs(matrix[i][c]) > Math.abs(matrix[pivotRow][c])) {
                    pivotRow = i;
                }
            }
            if (Math.abs(matrix[pivotRow][c]) < 1e-12) {
                throw new IllegalStateException("The simplex basis became singular");
            }
            double[] swap = matrix[c];
            matrix[c] = matrix[pivotRow];
            matrix[pivotRow] = swap;
            double pivot = matrix[c][c];
            for (int k = 0; k < 2 * rows; k++) {
                matrix[c][k] /= pivot;
            }
            for (int i = 0; i < rows; i++) {
                double factor = matrix[i][c];
                if (i != c && factor != 0) {
                    for (int k = 0; k < 2 * rows; k++) {
                        matrix[i][k] -= factor * matrix[c][k];
                    }
                }
            }
        }
        double[][] fresh = new double[rows][];
        for (int r = 0; r < rows; r++) {
            fresh[r] = Arrays.copyOfRange(matrix[r], rows, 2 * rows);
        }
        inverse = fresh;
        values = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < rows; i++) {
                values[r] += inverse[r][i] * rhs[i];
            }
        }
        pivotsSinceRefactor = 0;
    }

    private boolean isBasic(int column) {
        for (int b : basis) {
            if (b == column) {
                return true;
            }
        }
        return false;
    }

    private double cost(int variable, boolean phaseOne) {
        if (phaseOne) {
            return variable < 0 ? -1 : 0;
        }
        return variable < 0 ? 0 : costs.get(variable);
    }

    /** The fixed order Bland's rule uses: columns by index, then the artificials. */
    private int order(int variable) {
        return variable >= 0 ? variable : columns.size() + (-1 - variable);
    }

    /** {@code matrix · column}. */
    private double[] times(double[][] matrix, SparseColumn column) {
        double[] result = new double[rows];
        for (int r = 0; r < rows; r++) {
            result[r] = column.dot(matrix[r]);
        }
        return result;
    }

    /**
     * A column's non-zero entries (most compositions seat only a few of the types) and its norm
     * {@code sqrt(1 + Σ entry²)}, the 1 standing for the objective row.
     */
    private record SparseColumn(int[] rows, double[] values, double norm) {

        static SparseColumn of(double[] dense) {
            int count = 0;
            for (double v : dense) {
                if (v != 0) {
                    count++;
                }
            }
            int[] rows = new int[count];
            double[] values = new double[count];
            for (int r = 0, k = 0; r < dense.length; r++) {
                if (dense[r] != 0) {
                    rows[k] = r;
                    values[k++] = dense[r];
                }
            }
            double squares = 1;
            for (double v : values) {
                squares += v * v;
            }
            return new SparseColumn(rows, values, Math.sqrt(squares));
        }

        double dot(double[] dense) {
            double sum = 0;
            for (int k = 0; k < rows.length; k++) {
                sum += dense[rows[k]] * values[k];
            }
            return sum;
        }
    }
}
