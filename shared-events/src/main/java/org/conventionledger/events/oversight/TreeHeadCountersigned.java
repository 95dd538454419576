package org.conventionledger.events.oversight;

import org.axonframework.serialization.Revision;

/**
 * A garant countersigned a signed tree head with their registered key: they hold the same head, so the
 * ledger cannot show anyone another tree of that size.
 *
 * @param keyId     the fingerprint of the garant's registered key
 * @param signature the garant's signature of the head's text ({@code TreeHeads#headText})
 */
@Revision("1")
public record TreeHeadCountersigned(String keyringId, String headId, String garantId, String keyId, String signature) {}
