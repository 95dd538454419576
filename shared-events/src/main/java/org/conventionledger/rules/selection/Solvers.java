package org.conventionledger.rules.selection;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * The OR-Tools solvers of the selection, each set up the one way that makes it reproducible (ADR-006):
 * one thread, no time limit (a limit would make the answer depend on the machine's load), and GLOP
 * without the presolve seen to fail on these models and without the scaling that defeats its warm start.
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

    /** GLOP, Google's primal/dual simplex, for the master linear programs. */
    static MPSolver linear() {
        load();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was loaded without its GLOP solver");
        }
        solver.setNumThreads(1);
        // GLOP's presolve was seen to end small, feasible masters in ABNORMAL; without it they solve.
        // Scaling off: GLOP reuses its basis only if the old part of the matrix is unchanged, and the
        // scale factors move with every added column, so each re-solve started from scratch; the
        // coefficients c/n lie in [1/pool size, 1] and need no scaling. Devex pricing: steepest edge
        // recomputes its norms over every column at each warm start (ADR-006).
        if (!solver.setSolverSpecificParametersAsString(
                "use_preprocessing: false, use_scaling: false, feasibility_rule: DEVEX, optimization_rule: DEVEX")) {
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
