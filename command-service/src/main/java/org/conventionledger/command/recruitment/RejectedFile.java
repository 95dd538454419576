package org.conventionledger.command.recruitment;

import java.net.URI;
import java.util.List;
import org.conventionledger.rules.sortition.SourceListFile.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An uploaded file with problems: answered 422 as {@code application/problem+json} whose {@code problems}
 * list every problem by line and column (at most {@link
 * org.conventionledger.rules.sortition.SourceListFile#MAX_PROBLEMS}, {@code problemCount}
 * counting all). Nothing of the file is written.
 */
public final class RejectedFile extends RuntimeException {

    private final String code;
    private final List<Problem> problems;
    private final int problemCount;

    public RejectedFile(String code, List<Problem> problems, int problemCount) {
        super(summary(problems, problemCount));
        this.code = code;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** The problem document. */
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, getMessage());
        problem.setType(URI.create("https://convention-ledger.org/problems/" + code));
        problem.setProperty("code", code);
        problem.setProperty("problems", problems);
        problem.setProperty("problemCount", problemCount);
        return problem;
    }

    private static String summary(List<Problem> problems, int count) {
        if (problems.isEmpty()) {
            return "The file has " + count + " problems; nothing was written.";
        }
        Problem first = problems.get(0);
        String where = (first.line() > 0 ? "line " + first.line() : "the file")
                + (first.column() == null ? "" : ", column " + first.column());
        return (count == 1 ? "The file has a problem" : "The file has " + count + " problems, the first") + " at "
                + where + ": " + first.problem() + ". Nothing was written; try ?dryRun=true to see them all.";
    }
}
