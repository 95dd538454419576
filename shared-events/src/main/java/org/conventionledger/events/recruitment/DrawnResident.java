package org.conventionledger.events.recruitment;

/**
 * A resident drawn by lot, and the source list they were drawn from.
 */
public record DrawnResident(String personId, String listId) {}
