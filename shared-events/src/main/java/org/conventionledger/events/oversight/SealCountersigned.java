package org.conventionledger.events.oversight;

import org.axonframework.serialization.Revision;

/**
 * A garant countersigned a seal with their own key: an Ed25519 signature of the seal's text
 * ({@code ChainLink#sealText}), verifiable with the public key recorded here.
 *
 * @param publicKey   the signer's public key, X.509 SubjectPublicKeyInfo, Base64
 * @param fingerprint SHA-256 of the public key's bytes, hex
 * @param signature   the signature, Base64
 */
@Revision("1")
public record SealCountersigned(String sealId, String signer, String publicKey, String fingerprint, String signature) {}
