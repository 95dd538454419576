/**
 * The read side of recruitment: the recruitment funnel of a convention (source lists, draw, invitations,
 * volunteers, panel against its quotas, seats, attrition, delegated roles). Its sessions are read in
 * {@code organisation}, where they are written.
 *
 * <p>The projection runs in the pooled processing group
 * {@value org.conventionledger.query.platform.ProcessingConfiguration#RECRUITMENT}, sequenced by
 * convention (application.yml). The per-convention documents absorb each event at most once through
 * {@link org.conventionledger.query.platform.Projections#absorb}. What is too large for one document
 * (everyone on the source lists, every invitation) lives in side collections keyed by convention whose
 * writes are idempotent and commutative by construction (adding to a set, setting a fixed value), so
 * they need no record of the absorbed log.
 *
 * <p>Only pseudonymous ids, coarse profile categories and amounts reach the read store: never the
 * sealed identity of a listed resident, nor a volunteer's sealed needs, nor a name.
 */
package org.conventionledger.query.recruitment;
