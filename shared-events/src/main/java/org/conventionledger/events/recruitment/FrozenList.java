package org.conventionledger.events.recruitment;

/**
 * The fingerprint of a frozen source list as a draw used it.
 */
public record FrozenList(String listId, int residents, String fingerprint) {}
