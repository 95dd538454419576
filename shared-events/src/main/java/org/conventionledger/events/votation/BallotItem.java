package org.conventionledger.events.votation;

import org.conventionledger.events.Transition;

/** One finalised action as it appears on the votation's ballot. */
public record BallotItem(String actionId, int actionNumber, String title, Transition transition, String topic) {}
