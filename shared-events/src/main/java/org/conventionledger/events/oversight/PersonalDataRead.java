package org.conventionledger.events.oversight;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * Someone read personal data in clear (e.g. the print shop's export of the invitation letters). Every
 * such read is on the log, with who read it (metadata), why, and whose data it was.
 *
 * @param purpose   why the data was read, e.g. {@code invitation-letters}
 * @param personIds the pseudonymous ids of the people whose data was read
 */
@Revision("1")
public record PersonalDataRead(String conventionId, String purpose, List<String> personIds)
        implements ConventionEvent {}
