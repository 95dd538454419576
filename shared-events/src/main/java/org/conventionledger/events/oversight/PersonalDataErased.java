package org.conventionledger.events.oversight;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A person's personal data was erased on request: their key was deleted from the vault, so every
 * sealed copy of their data (in the log, registers, projections, exports, later backups) is unreadable.
 * The log itself is untouched and its chain and seals still verify.
 *
 * @param basis the ground of the request, e.g. {@code GDPR art. 17}
 */
@Revision("1")
public record PersonalDataErased(String conventionId, String personId, String basis, LocalDate requestedOn)
        implements ConventionEvent {}
