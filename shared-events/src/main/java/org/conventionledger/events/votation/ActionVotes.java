package org.conventionledger.events.votation;

/** The number of votes one action received in one count. */
public record ActionVotes(int actionNumber, int votes) {}
