package org.conventionledger.events.oversight;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A garant registered the Ed25519 key they countersign tree heads with (only registered keys may).
 *
 * @param garantId  the garant's account, who registered it
 * @param publicKey X.509 SubjectPublicKeyInfo, Base64
 * @param proof     the key's signature of {@code TreeHeads#possessionText(garantId, keyId)}
 */
@Revision("1")
public record GarantKeyRegistered(
        String keyringId, String garantId, String keyId, String publicKey, String proof, Instant registeredAt) {}
