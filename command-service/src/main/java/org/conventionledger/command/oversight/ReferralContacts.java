package org.conventionledger.command.oversight;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.privacy.PersonVault;
import org.conventionledger.command.privacy.PersonalDataCipher;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.springframework.stereotype.Component;

/**
 * The contact a referrer may leave (an e-mail or postal address for the answer) is personal data: it is
 * sealed with a key of its own in the person vault under a fresh random person id (ADR-003), padded so that
 * its length says nothing, and opened only for a garant, after the read is logged ({@code PersonalDataRead}).
 */
@Component
public class ReferralContacts {

    static final String PURPOSE = "referral-contact";
    /** Every sealed contact has this many UTF-8 bytes, whatever its length (at most 200 characters). */
    private static final int PADDED_BYTES = 1024;

    private final PersonVault vault;
    private final EventStore events;
    private final Commands commands;

    public ReferralContacts(PersonVault vault, EventStore events, Commands commands) {
        this.vault = vault;
        this.events = events;
        this.commands = commands;
    }

    SealedPersonalData seal(String contact) {
        String personId = vault.newPersonId();
        byte[] key = vault.keysFor(List.of(personId)).get(personId);
        int length = contact.getBytes(StandardCharsets.UTF_8).length;
        return new SealedPersonalData(
                personId, PersonalDataCipher.seal(key, personId, contact + " ".repeat(PADDED_BYTES - length)));
    }

    /** Removes a sealed contact's key again: only for a referral that was refused, so nothing holds it. */
    void discard(SealedPersonalData sealed) {
        vault.discard(sealed.personId());
    }

    /** The contact left with a referral, opened after the read is logged; empty text when it was erased. */
    String open(String referralId) {
        MatterReferred referral = referred(referralId);
        SealedPersonalData sealed = referral.contact();
        if (sealed == null) {
            throw RuleViolation.notFound("no-contact", "Referral " + referralId + " came without a contact.");
        }
        commands.send(new RecordPersonalDataRead(referral.conventionId(), PURPOSE, List.of(sealed.personId())));
        return vault.key(sealed.personId())
                .filter(k -> !vault.erased(sealed.personId()))
                .map(k -> PersonalDataCipher.open(k, sealed.personId(), sealed.ciphertext())
                        .strip())
                .orElse("");
    }

    private MatterReferred referred(String referralId) {
        var stream = events.readEvents(referralId);
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof MatterReferred referral) {
                return referral;
            }
        }
        throw RuleViolation.notFound("unknown-id", "No referral " + referralId + " is recorded.");
    }
}
