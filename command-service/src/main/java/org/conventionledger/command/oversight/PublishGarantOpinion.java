package org.conventionledger.command.oversight;

import java.time.LocalDate;
import org.conventionledger.events.oversight.OpinionOccasion;

/** The garants publish an opinion: at the end of a session (which one), at the votation, or at the end. */
public record PublishGarantOpinion(
        String conventionId,
        String opinionId,
        OpinionOccasion occasion,
        Integer session,
        String text,
        LocalDate publishedOn) {}
