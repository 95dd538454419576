package org.conventionledger.command.deliberation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the participants who consent to the current version (green cards). */
public record GiveConsent(@TargetAggregateIdentifier String actionId, List<String> participants) {}
