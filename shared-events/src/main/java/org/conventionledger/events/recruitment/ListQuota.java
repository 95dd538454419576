package org.conventionledger.events.recruitment;

/**
 * How many residents a draw takes from one source list; {@code count} is 0 when the draw takes an
 * overall number from the union of its lists.
 */
public record ListQuota(String listId, int count) {}
