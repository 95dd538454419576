package org.conventionledger.command.oversight;

import java.time.LocalDate;
import java.util.List;

/** Refer a matter to the garants, as a member or a resident ({@code referredBy}: the capacity, never a name). */
public record ReferMatter(
        String conventionId,
        String referralId,
        String subject,
        String text,
        List<String> attachments,
        String referredBy,
        LocalDate referredOn) {}
