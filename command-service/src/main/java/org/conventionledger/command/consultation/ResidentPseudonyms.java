package org.conventionledger.command.consultation;

import org.conventionledger.command.votation.VoterPseudonyms;
import org.conventionledger.command.votation.VoterReference;
import org.springframework.stereotype.Component;

/**
 * A resident's keyed pseudonym in a convention's consultation: the voter pseudonym mechanism
 * (HMAC-SHA256 under the key kept outside the log, {@link VoterPseudonyms}) over the scope
 * {@code consultation:<conventionId>}. One resident has one pseudonym across all the calls of a
 * convention, so participation counts distinct residents; the reference is canonical ({@link VoterReference})
 * whichever channel relays the resident; the pseudonym is unrelated to the same
 * person's ballot pseudonym in a votation or to their pseudonym in another convention.
 */
@Component
public class ResidentPseudonyms {

    private final VoterPseudonyms pseudonyms;

    public ResidentPseudonyms(VoterPseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public String of(String conventionId, VoterReference residentRef) {
        return pseudonyms.pseudonym(scope(conventionId), residentRef);
    }

    static String scope(String conventionId) {
        return "consultation:" + conventionId;
    }
}
