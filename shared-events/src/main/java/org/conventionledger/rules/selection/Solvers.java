package org.conventionledger.rules.selection;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * The OR-Tools solvers of the selection, each set up the one way that makes it reproducible (ADR-006):
 * one thread, no time limit (a limit would make the answer depend on the machine's load), and GLOP
 * without the presolve seen to fail on these models, with its dual simplex and without what defeats its
 * warm start (scaling, the condition-number check).
 */
final class Solvers {

    private static boolean loaded;

    private Solvers() {}

    /** Loads OR-Tools' native library (shipped in its jar) once per JVM; needed before building a model. */
    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /** GLOP, Google's simplex, for the master linear programs (their duals, ADR-006). */
    static MPSolver linear() {
        load();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was loaded without its GLOP solver");
        }
        solver.setNumThreads(1);
        // GLOP's presolve was seen to end small, feasible masters in ABNORMAL; without it they solve.
        // The masters are solved as their duals, where a new composition is a new row: GLOP keeps its
        // basis for new rows only in its dual simplex, only if the old part of the matrix is unchanged
        // (scaling off: the scale factors would move with every added row), and only if its estimate of
        // the basis's condition number stays below a threshold, 1e50 by default, which the masters of
        // 1,000+ volunteers exceed (a loose upper bound; GLOP then started over, 700 iterations a re-solve).
        // Devex pricing as in v4 (the figures of ADR-006 were measured with it).
        if (!solver.setSolverSpecificParametersAsString("use_preprocessing: false, use_scaling: false, "
                + "use_dual_simplex: true, initial_condition_number_threshold: 1e300, "
                + "feasibility_rule: DEVEX, optimization_rule: DEVEX")) {
            throw new IllegalStateException("GLOP refused its parameters");
        }
        return solver;
    }

    /**
     * GLOP for the linear relaxation of the pricing problem ({@link CompositionSearch}): set up as the
     * masters (the model is kept across calls, only its objective and bounds change, so the warm start
     * needs the same settings), with tolerances of 10^-11 rather than 10^-8: a relaxation whose integral
     * optimum falls short of the bound by more than 10^-9 cannot conclude, and GLOP's default tolerance
     * left that gap (up to 10^-7) in one call in twenty on the 500-volunteer pool.
     */
    static MPSolver relaxation() {
        load();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was loaded without its GLOP solver");
        }
        solver.setNumThreads(1);
        if (!solver.setSolverSpecificParametersAsString("use_preprocessing: false, use_scaling: false,"
                + " feasibility_rule: DEVEX, optimization_rule: DEVEX,"
                + " primal_feasibility_tolerance: 1e-11, dual_feasibility_tolerance: 1e-11")) {
            throw new IllegalStateException("GLOP refused its parameters");
        }
        return solver;
    }

    /** SCIP, branch and cut, for the integer programs that find panels. */
    static MPSolver integer() {
        load();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was loaded without its SCIP solver");
        }
        solver.setNumThreads(1);
        return solver;
    }
}
