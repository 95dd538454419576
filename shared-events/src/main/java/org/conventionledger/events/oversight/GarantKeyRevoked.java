package org.conventionledger.events.oversight;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A garant revoked their key: it countersigns nothing from now on (earlier countersignatures stand). */
@Revision("1")
public record GarantKeyRevoked(String keyringId, String garantId, String keyId, String reason, Instant revokedAt) {}
