package org.conventionledger.events.oversight;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ledger published the public half of the Ed25519 key that signs its tree heads (once, at its first
 * start: the tree covers the whole log, every convention's events together).
 *
 * @param keyId     the key's fingerprint ({@code TreeHeads#fingerprint})
 * @param publicKey X.509 SubjectPublicKeyInfo, Base64
 * @param proof     the key's signature of {@code TreeHeads#possessionText("ledger", keyId)}
 */
@Revision("1")
public record LedgerKeyPublished(String keyringId, String keyId, String publicKey, String proof, Instant publishedAt) {}
