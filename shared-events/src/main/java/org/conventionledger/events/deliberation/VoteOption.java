package org.conventionledger.events.deliberation;

/** One option of a majority-judgment vote: a candidate topic, or an action sheet. */
public record VoteOption(String optionId, String label) {}
