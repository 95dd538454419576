package org.conventionledger.events.deliberation;

/** Whose knowledge an expert brings. */
public enum ExpertKind {
    /** Research, professional or technical expertise. */
    SCIENTIFIC,
    /** Expertise of use: associations, service users, city staff. */
    EXPERT_BY_USE
}
