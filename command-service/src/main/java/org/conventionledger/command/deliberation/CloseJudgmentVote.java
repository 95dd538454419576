package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a majority-judgment vote: its result is computed and, for topics, the best are chosen. */
public record CloseJudgmentVote(@TargetAggregateIdentifier String conventionId, String voteId) {}
