package org.conventionledger.events.recruitment;

import java.util.Map;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * How many seats each assembly has (Clermont: 24 ecological, 24 social, 22 democratic).
 */
@Revision("1")
public record AssemblyCapacitiesSet(String conventionId, Map<Transition, Integer> capacities)
        implements ConventionEvent {}
