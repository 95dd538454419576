package org.conventionledger.events;

/**
 * Every event belongs to exactly one convention. Projections use this to keep all facts of one
 * convention in order on one processing segment.
 */
public interface ConventionEvent {

    String conventionId();
}
