package org.conventionledger.events.organisation;

/**
 * What an expense claim is for.
 */
public enum ExpenseKind {
    TRAVEL,
    CHILDCARE,
    MEAL,
    OTHER
}
