package org.conventionledger.query.oversight;

import java.util.ArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.oversight.GarantOpinionPublished;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.ReferralAcknowledged;
import org.conventionledger.events.oversight.ReferralAnswered;
import org.conventionledger.events.oversight.ReferralInvestigated;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each referral's {@link ReferralFile} and each garant opinion's {@link GarantOpinionFile},
 * absorbing each event exactly once. Its "referrals" processor sequences by convention, so a referral's
 * events arrive in order; an event about a referral that was never received fails its batch.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.REFERRALS)
class ReferralProjection extends DocumentProjection<ReferralFile> {

    ReferralProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, ReferralFile.class, "Referral %s was not received (yet) on the read side");
    }

    @EventHandler
    void on(MatterReferred event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(
                ReferralFile.class,
                event.referralId(),
                message,
                token,
                () -> {
                    ReferralFile file = new ReferralFile();
                    file.referralId = event.referralId();
                    return file;
                },
                r -> {
                    r.conventionId = event.conventionId();
                    r.subject = event.subject();
                    r.text = event.text();
                    r.attachments =
                            event.attachments() == null ? new ArrayList<>() : new ArrayList<>(event.attachments());
                    r.referredBy = event.referredBy();
                    r.contactLeft = event.contact() != null;
                    r.referredOn = iso(event.referredOn());
                });
    }

    @EventHandler
    void on(ReferralAcknowledged event, EventMessage<?> message, TrackingToken token) {
        update(event.referralId(), message, token, r -> r.acknowledgedOn = iso(event.acknowledgedOn()));
    }

    @EventHandler
    void on(ReferralInvestigated event, EventMessage<?> message, TrackingToken token) {
        update(event.referralId(), message, token, r -> {
            ReferralFile.Investigation step = new ReferralFile.Investigation();
            step.note = event.note();
            step.on = iso(event.investigatedOn());
            r.investigations.add(step);
        });
    }

    @EventHandler
    void on(ReferralAnswered event, EventMessage<?> message, TrackingToken token) {
        update(event.referralId(), message, token, r -> {
            r.answer = event.answer();
            r.answeredOn = iso(event.answeredOn());
        });
    }

    @EventHandler
    void on(GarantOpinionPublished event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(
                GarantOpinionFile.class,
                event.opinionId(),
                message,
                token,
                () -> {
                    GarantOpinionFile file = new GarantOpinionFile();
                    file.opinionId = event.opinionId();
                    return file;
                },
                o -> {
                    o.conventionId = event.conventionId();
                    o.occasion =
                            event.occasion() == null ? null : event.occasion().name();
                    o.session = event.session();
                    o.text = event.text();
                    o.publishedOn = iso(event.publishedOn());
                });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReferralFile.class);
        mongo.dropCollection(GarantOpinionFile.class);
    }

    private static String iso(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }
}
