package org.conventionledger.command.deliberation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put the action sheet's current version to a consent round with these participants. */
public record OpenConsentRound(@TargetAggregateIdentifier String actionId, String roundId, List<String> participants) {}
