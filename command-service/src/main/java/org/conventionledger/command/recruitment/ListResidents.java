package org.conventionledger.command.recruitment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.ListedResident;

/** Add a batch of residents to a source list; their identities are already sealed with their own keys. */
public record ListResidents(@TargetAggregateIdentifier String listId, List<ListedResident> residents) {}
