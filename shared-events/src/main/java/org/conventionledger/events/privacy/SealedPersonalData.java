package org.conventionledger.events.privacy;

/**
 * Personal data sealed with the person's own key (AES-256-GCM, the person id as associated data).
 * The key is kept outside the log, in the person vault: deleting it erases the person while the
 * log, its chain and its seals stay whole.
 *
 * @param personId   pseudonymous id of the person whose key seals the data
 * @param ciphertext {@code v1:} followed by base64 of the 12-byte nonce and the GCM ciphertext
 */
public record SealedPersonalData(String personId, String ciphertext) {}
