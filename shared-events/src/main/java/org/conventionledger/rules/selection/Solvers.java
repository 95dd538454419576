package org.conventionledger.rules.selection;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.sat.CpSolver;

/**
 * The OR-Tools solvers of the selection, each set up the one way that makes it reproducible (ADR-006):
 * one thread, a fixed seed, no time limit (a limit would make the answer depend on the machine's load),
 * and without the presolve steps seen to fail on these models.
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
        // GLOP's presolve was seen to end small, feasible masters in ABNORMAL; without it they solve
        if (!solver.setSolverSpecificParametersAsString("use_preprocessing: false")) {
            throw new IllegalStateException("GLOP refused its parameters");
        }
        return solver;
    }

    /** CP-SAT, for the integer programs that find panels. */
    static CpSolver integer() {
        load();
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setRandomSeed(17).setLogSearchProgress(false);
        // CP-SAT 9.14's presolve was seen to abort the whole JVM (a failed native CHECK) on a 10-variable
        // feasibility model with households; without it, thousands of random models solve
        solver.getParameters().setCpModelPresolve(false);
        return solver;
    }
}
