package org.conventionledger.command.oversight;

import java.time.LocalDate;
import java.util.List;
import org.conventionledger.command.platform.OpenToThePublic;
import org.conventionledger.events.privacy.SealedPersonalData;

/**
 * Refer a matter to the garants, as a member or a resident ({@code referredBy}: the capacity, never a name),
 * signed in or not ({@link OpenToThePublic}); {@code contact}, if any, comes already sealed.
 */
public record ReferMatter(
        String conventionId,
        String referralId,
        String subject,
        String text,
        List<String> attachments,
        String referredBy,
        LocalDate referredOn,
        SealedPersonalData contact)
        implements OpenToThePublic {}
