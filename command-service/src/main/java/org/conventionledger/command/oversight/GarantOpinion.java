package org.conventionledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.oversight.GarantOpinionPublished;
import org.conventionledger.events.oversight.OpinionOccasion;

/**
 * An opinion (avis) the garants published on a convention: at the end of a session (naming the
 * session), at the votation, or at the end. Once published it is part of the record and does not change.
 */
@Aggregate
public class GarantOpinion {

    @AggregateIdentifier
    private String opinionId;

    protected GarantOpinion() {
        // for Axon
    }

    @CommandHandler
    public GarantOpinion(PublishGarantOpinion command, ConventionRegister register) {
        if (command.occasion() == null) {
            throw RuleViolation.unprocessable(
                    "occasion-required",
                    "Say on which occasion the opinion is published: END_OF_SESSION, VOTATION or FINAL.");
        }
        if (command.occasion() == OpinionOccasion.END_OF_SESSION) {
            if (command.session() == null || command.session() < 1) {
                throw RuleViolation.unprocessable(
                        "session-required", "An end-of-session opinion names its session (1 or more).");
            }
        } else if (command.session() != null) {
            throw RuleViolation.unprocessable(
                    "session-not-allowed",
                    "Only an end-of-session opinion names a session, not a " + command.occasion() + " one.");
        }
        if (command.text() == null || command.text().isBlank()) {
            throw RuleViolation.unprocessable("text-required", "An opinion needs a text.");
        }
        if (command.publishedOn() == null) {
            throw RuleViolation.unprocessable("date-required", "Say when: publishedOn is required.");
        }
        if (!register.conventionExists(command.conventionId())) {
            throw RuleViolation.notFound("unknown-convention", "No convention " + command.conventionId() + " exists.");
        }
        apply(new GarantOpinionPublished(
                command.conventionId(),
                command.opinionId(),
                command.occasion(),
                command.session(),
                command.text(),
                command.publishedOn()));
    }

    @EventSourcingHandler
    void on(GarantOpinionPublished event) {
        opinionId = event.opinionId();
    }
}
