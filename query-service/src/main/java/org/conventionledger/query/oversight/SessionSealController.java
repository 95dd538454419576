package org.conventionledger.query.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seals the integrity chain took by itself at the end of each session ({@link SessionSeal}), for the
 * garants and the monitoring body. Each is a seal as {@code GET /api/audit/seal} gives one
 * ({@code chain, position, head, length, sealedAt}), so {@code ledger verify-log --seal} checks an export
 * against it and {@code POST /api/seals} publishes it as it is (with its {@code reason}); {@code sealId}
 * names the seal already published in the log with the same position and head, if any.
 */
@RestController
public class SessionSealController {

    public record SessionSealView(
            String sealId,
            String chain,
            long position,
            String head,
            long length,
            Instant sealedAt,
            String reason,
            String conventionId,
            String sessionId,
            Integer sessionNumber) {}

    private final MongoTemplate mongo;
    private final ChainSealer sealer;

    SessionSealController(MongoTemplate mongo, ChainSealer sealer) {
        this.mongo = mongo;
        this.sealer = sealer;
    }

    /** Every session's seal in log order, or those of one convention; the chain is extended first. */
    @GetMapping("/api/audit/seals/sessions")
    public List<SessionSealView> sessionSeals(@RequestParam(required = false) String conventionId) {
        sealer.extend();
        Query query = conventionId == null || conventionId.isBlank()
                ? new Query()
                : Query.query(Criteria.where("conventionId").is(conventionId));
        return mongo.find(query.with(Sort.by("_id")), SessionSeal.class).stream()
                .map(this::view)
                .toList();
    }

    private SessionSealView view(SessionSeal seal) {
        String reason = "end of session " + (seal.sessionNumber() != null ? seal.sessionNumber() : seal.sessionId());
        return new SessionSealView(
                publishedSealId(seal),
                seal.chain(),
                seal.position(),
                seal.head(),
                seal.length(),
                seal.sealedAt(),
                reason,
                seal.conventionId(),
                seal.sessionId(),
                seal.sessionNumber());
    }

    /** The first seal published in the log ({@code SealPublished}) with this seal's chain, position and head. */
    private String publishedSealId(SessionSeal seal) {
        return mongo
                .find(
                        Query.query(Criteria.where("type")
                                        .is("SealPublished")
                                        .and("payload.head")
                                        .is(seal.head()))
                                .with(Sort.by("_id")),
                        AuditEvent.class)
                .stream()
                .map(AuditEvent::payload)
                .filter(Objects::nonNull)
                .filter(p -> seal.chain().equals(p.get("chain")))
                .filter(p -> Objects.equals(position(p.get("position")), seal.position()))
                .map(p -> String.valueOf(p.get("sealId")))
                .findFirst()
                .orElse(null);
    }

    private static Long position(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
