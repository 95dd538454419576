/**
 * The read side of the deliberation: per-action histories (versions with line diffs, consent rounds,
 * objections), the histories of free-standing questions put to consent, the deliberation dashboard of
 * a convention, majority-judgment vote results and topic groups (hearings, CAC sheets, opinions).
 *
 * <p>All projections run in the pooled processing group
 * {@value org.conventionledger.query.platform.ProcessingConfiguration#DELIBERATION},
 * sequenced by convention (application.yml), and absorb each event at most once per document through
 * {@link org.conventionledger.query.platform.Projections#absorb}. An event that refers to something its
 * document does not know (a round, an objection, an undrafted action, a question never put, an
 * unchosen topic, an unopened vote) fails its batch instead of being skipped: all events of a
 * convention arrive in log order, so this only happens if the log itself is inconsistent.
 */
package org.conventionledger.query.deliberation;
