/**
 * The mid-term digital consultation: for each topic the members open a call for proposals drawn from
 * the topic's CAC sheet; residents submit proposals, vote for / mixed / against each one (one current
 * vote per resident and proposal, changeable until the call closes) and post arguments attached to
 * their vote; organisers hide (never delete) a proposal or an argument, with a reason.
 *
 * <p>Residents appear only under a keyed pseudonym (HMAC of the convention's consultation and the
 * resident's reference, the key kept outside the log); their proposals' and arguments' texts are what
 * they chose to publish.
 */
package org.conventionledger.events.consultation;
