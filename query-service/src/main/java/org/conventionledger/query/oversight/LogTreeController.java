package org.conventionledger.query.oversight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Merkle tree of the log for the garants and the monitoring body: the check of the store against
 * every signed head (a problem when it fails), the heads and the garants' keys, and the inclusion and
 * consistency proofs that {@code ledger verify-proof} checks.
 */
@RestController
public class LogTreeController {

    private final LogTree tree;

    LogTreeController(LogTree tree) {
        this.tree = tree;
    }

    /** Checks the store against every signed head now: 200 if it matches, a 409 problem naming where not. */
    @GetMapping("/api/audit/tree")
    public Map<String, Object> check() {
        TreeAudit.Verdict verdict = tree.check();
        if (!verdict.intact()) {
            throw ProblemResponses.error(
                    HttpStatus.CONFLICT,
                    "log-does-not-match-its-heads",
                    verdict.reason() + "; the first position that may differ is " + verdict.firstDifference());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", true);
        body.put("size", verdict.size());
        body.put("root", verdict.root());
        body.put("headsVerified", verdict.headsVerified());
        body.put("countersignaturesVerified", verdict.countersignaturesVerified());
        return body;
    }

    @GetMapping("/api/audit/tree/heads")
    public List<Map<String, Object>> heads() {
        return tree.heads();
    }

    @GetMapping("/api/audit/tree/garant-keys")
    public List<Map<String, String>> garantKeys() {
        return tree.garantKeys();
    }

    /** The proof that one event (by position or event id) is in the tree of {@code size} events. */
    @GetMapping("/api/audit/tree/inclusion")
    public Map<String, Object> inclusion(
            @RequestParam(required = false) Long position,
            @RequestParam(required = false) String eventId,
            @RequestParam long size) {
        if ((position == null) == (eventId == null)) {
            throw ProblemResponses.error(
                    HttpStatus.BAD_REQUEST,
                    "position-or-event-id",
                    "Name the event by position or by eventId (one of them).");
        }
        if (size < 1) {
            throw ProblemResponses.error(HttpStatus.BAD_REQUEST, "invalid-size", "size: at least 1.");
        }
        try {
            return tree.inclusion(position, eventId, size);
        } catch (IllegalArgumentException e) {
            throw ProblemResponses.error(HttpStatus.NOT_FOUND, "not-in-tree", e.getMessage());
        }
    }

    /** The proof that the tree of {@code to} events extends the tree of {@code from} events. */
    @GetMapping("/api/audit/tree/consistency")
    public Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 0 || from > to) {
            throw ProblemResponses.error(HttpStatus.BAD_REQUEST, "invalid-sizes", "from, to: 0 <= from <= to.");
        }
        try {
            return tree.consistency(from, to);
        } catch (IllegalArgumentException e) {
            throw ProblemResponses.error(HttpStatus.NOT_FOUND, "not-in-tree", e.getMessage());
        }
    }
}
