package org.conventionledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.oversight.PersonalDataErased;
import org.conventionledger.events.oversight.PersonalDataRead;

/**
 * The register of what happened to a convention's personal data: reads in clear and erasures, one
 * stream per convention. Both are rare (exports for the print shop, requests under the GDPR), so one
 * stream is no hot spot. Rules: a read names its purpose and whose data it was; an erasure names the
 * person, its ground and date, once per person.
 */
@Aggregate
public class PersonalDataAccessLog {

    @AggregateIdentifier
    private String accessLogId;

    private final Set<String> erased = new HashSet<>();

    protected PersonalDataAccessLog() {
        // for Axon
    }

    public static String idOf(String conventionId) {
        return "personal-data-reads:" + conventionId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPersonalDataRead command) {
        if (command.purpose() == null || command.purpose().isBlank()) {
            throw RuleViolation.unprocessable("purpose-required", "Say why personal data is read.");
        }
        if (command.personIds() == null || command.personIds().isEmpty()) {
            throw RuleViolation.unprocessable("persons-required", "Name whose personal data is read.");
        }
        apply(new PersonalDataRead(command.conventionId(), command.purpose(), List.copyOf(command.personIds())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseResident command) {
        if (command.personId() == null || !command.personId().startsWith("p-")) {
            throw RuleViolation.unprocessable("person-id", "Name the person by their pseudonymous id (p-…).");
        }
        if (command.basis() == null || command.basis().isBlank()) {
            throw RuleViolation.unprocessable("basis-required", "Give the ground of the erasure request.");
        }
        if (command.requestedOn() == null) {
            throw RuleViolation.unprocessable("requested-on-required", "Give the date of the request.");
        }
        if (erased.contains(command.personId())) {
            throw RuleViolation.conflict("already-erased", "Person " + command.personId() + " was already erased.");
        }
        apply(new PersonalDataErased(
                command.conventionId(), command.personId(), command.basis(), command.requestedOn()));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        accessLogId = idOf(event.conventionId());
        erased.add(event.personId());
    }

    @EventSourcingHandler
    void on(PersonalDataRead event) {
        accessLogId = idOf(event.conventionId());
    }
}
