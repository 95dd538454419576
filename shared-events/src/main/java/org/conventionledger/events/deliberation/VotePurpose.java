package org.conventionledger.events.deliberation;

/** What a majority-judgment vote of the members decides. */
public enum VotePurpose {
    /** Session 1: an assembly chooses its topics among candidates; the best ones are chosen. */
    TOPIC_CHOICE,
    /** Session 5: the members grade the action sheets to prioritise them. */
    PRIORITISATION
}
