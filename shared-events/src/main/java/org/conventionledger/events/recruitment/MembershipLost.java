package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A member lost their membership under the engagement contract's absence rule.
 *
 * @param unexcusedAbsences the member's unexcused absences when the rule was applied
 * @param allowed           what the contract allows
 */
@Revision("1")
public record MembershipLost(
        String conventionId,
        String memberId,
        int unexcusedAbsences,
        int allowed,
        String contractVersion,
        LocalDate lostOn)
        implements ConventionEvent {}
