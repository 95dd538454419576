package org.conventionledger.command.recruitment;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;

/** Set how many seats each assembly has. */
public record SetAssemblyCapacities(
        @TargetAggregateIdentifier String conventionId, Map<Transition, Integer> capacities) {}
