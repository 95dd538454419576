package org.conventionledger.query.oversight;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The filters of the garants' trail, all optional and combined with "and". Blank values count as
 * absent.
 *
 * @param type          the event's simple type name ({@code OnlineBallotCast})
 * @param aggregateId   the aggregate the event belongs to
 * @param actorId       the actor's id, as the command's metadata named it
 * @param actorRole     the actor's role ({@code ORGANISER}, {@code GARANT}, {@code VOTER}…), exact
 * @param from          on {@code recordedAt}, inclusive
 * @param to            on {@code recordedAt}, exclusive
 * @param part          the part of the process: the event catalogue's package ({@link #PARTS})
 * @param correlationId the request's trace
 */
public record AuditFilter(
        String type,
        String aggregateId,
        String actorId,
        String actorRole,
        Instant from,
        Instant to,
        String part,
        String correlationId) {

    /** The event catalogue's packages, in the order of the process. */
    public static final List<String> PARTS =
            List.of("organisation", "recruitment", "deliberation", "consultation", "votation", "oversight", "followup");

    /** The catalogue's root package, {@code org.conventionledger.events}. */
    private static final String CATALOGUE = ConventionEvent.class.getPackageName();

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null);

    /**
     * The filter of request parameters, checked: an instant that does not parse, an unknown part or a
     * {@code from} after {@code to} is a 400 naming the parameter (codes {@code invalid-from},
     * {@code invalid-to}, {@code invalid-part}, with the parameter's name in {@code parameter}).
     */
    public static AuditFilter parse(
            String type,
            String aggregateId,
            String actor,
            String role,
            String from,
            String to,
            String part,
            String correlationId) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("from", "Parameter 'from' (" + start + ") must not be after 'to' (" + end + ").");
        }
        String normalisedPart = blank(part) ? null : part.strip().toLowerCase(Locale.ROOT);
        if (normalisedPart != null && !PARTS.contains(normalisedPart)) {
            throw invalid("part", "Parameter 'part' must be one of " + String.join(", ", PARTS) + ".");
        }
        return new AuditFilter(
                orNull(type),
                orNull(aggregateId),
                orNull(actor),
                orNull(role),
                start,
                end,
                normalisedPart,
                orNull(correlationId));
    }

    /** The part of the process an event belongs to (the catalogue package of its payload type), or null. */
    public static String partOf(String payloadType) {
        if (payloadType == null || !payloadType.startsWith(CATALOGUE + ".")) {
            return null;
        }
        String rest = payloadType.substring(CATALOGUE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }

    /** The events after {@code after}, in the store's terms (mongo-java-server: equality, ranges, regex). */
    Criteria criteria(long after) {
        Criteria criteria = Criteria.where("_id").gt(after);
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (aggregateId != null) {
            criteria = criteria.and("aggregateId").is(aggregateId);
        }
        if (actorId != null) {
            criteria = criteria.and("actor.id").is(actorId);
        }
        if (actorRole != null) {
            criteria = criteria.and("actor.role").is(actorRole);
        }
        if (from != null || to != null) {
            criteria = criteria.and("recordedAt");
            if (from != null) {
                criteria = criteria.gte(from);
            }
            if (to != null) {
                criteria = criteria.lt(to);
            }
        }
        if (part != null) {
            // one of PARTS: nothing to escape in the part itself
            criteria = criteria.and("payloadType").regex("^" + CATALOGUE.replace(".", "\\.") + "\\." + part + "\\.");
        }
        if (correlationId != null) {
            criteria = criteria.and("correlationId").is(correlationId);
        }
        return criteria;
    }

    private static Instant instant(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(
                    parameter,
                    "Parameter '" + parameter + "' must be an ISO-8601 instant, such as "
                            + "2025-06-14T08:00:00Z (an offset such as +02:00 must be URL-encoded as %2B02:00).");
        }
    }

    static ErrorResponseException invalid(String parameter, String detail) {
        ErrorResponseException error = ProblemResponses.error(HttpStatus.BAD_REQUEST, "invalid-" + parameter, detail);
        error.getBody().setProperty("parameter", parameter);
        return error;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String orNull(String value) {
        return blank(value) ? null : value;
    }
}
