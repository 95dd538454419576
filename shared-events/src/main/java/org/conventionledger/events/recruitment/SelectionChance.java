package org.conventionledger.events.recruitment;

/**
 * A volunteer's probability of being selected under the published lottery.
 */
public record SelectionChance(String personId, String invitationId, double probability) {}
