package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.oversight.GarantOpinionPublished;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.OpinionOccasion;
import org.conventionledger.events.oversight.ReferralAcknowledged;
import org.conventionledger.events.oversight.ReferralAnswered;
import org.conventionledger.events.oversight.ReferralInvestigated;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.query.oversight.ReferralController.GarantOpinionView;
import org.conventionledger.query.oversight.ReferralController.InvestigationView;
import org.conventionledger.query.oversight.ReferralController.ReferralView;
import org.conventionledger.query.oversight.ReferralController.Status;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The referrals and garant opinions read side on a throw-away read store, fed from a test {@link EventLog}
 * through Axon's annotation adapter, as the "referrals" processor would; read through the controller.
 */
class ReferralProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final LocalDate DAY = LocalDate.of(2022, 3, 1);

    private ReadStore store;
    private EventLog log;
    private ReferralProjection projection;
    private AnnotationEventHandlerAdapter handler;
    private ReferralController controller;

    private void start(ReadStore.Backend backend) {
        start(ReadStore.start(backend));
    }

    private void start() {
        start(ReadStore.start());
    }

    private void start(ReadStore readStore) {
        store = readStore;
        log = EventLog.jdbc();
        projection = new ReferralProjection(new Projections(store.mongo()), store.mongo());
        handler = new AnnotationEventHandlerAdapter(projection);
        controller = new ReferralController(store.mongo());
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    private void append(Object... payloads) {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
    }

    private void deliver(TrackedEventMessage<?> message) {
        ProjectionHarness.deliver(handler, message);
    }

    private static MatterReferred referred(String referralId, String by, LocalDate on) {
        return new MatterReferred(
                CONVENTION,
                referralId,
                "Subject " + referralId,
                "Text " + referralId,
                List.of("doc-" + referralId),
                by,
                on,
                null);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void showsEachReferralsStatusAndDelays(ReadStore.Backend backend) {
        start(backend);
        append(
                referred("r-answered", "member", DAY),
                new MatterReferred(
                        CONVENTION,
                        "r-received",
                        "Subject r-received",
                        "Text r-received",
                        List.of("doc-r-received"),
                        "resident",
                        DAY.plusDays(3),
                        new SealedPersonalData("p-0123456789abcdef01234567", "v1:c2VhbGVk")),
                referred("r-acknowledged", "resident", DAY.plusDays(1)),
                referred("r-investigating", "member", DAY.plusDays(2)),
                new MatterReferred("conv-other", "r-elsewhere", "S", "T", List.of(), "member", DAY, null),
                new ReferralAcknowledged(CONVENTION, "r-answered", DAY.plusDays(2)),
                new ReferralAcknowledged(CONVENTION, "r-acknowledged", DAY.plusDays(8)),
                new ReferralAcknowledged(CONVENTION, "r-investigating", DAY.plusDays(4)),
                new ReferralInvestigated(CONVENTION, "r-answered", "Attended session 3", DAY.plusDays(5)),
                new ReferralInvestigated(CONVENTION, "r-investigating", "Met the facilitators", DAY.plusDays(6)),
                new ReferralInvestigated(CONVENTION, "r-answered", "Read the minutes", DAY.plusDays(9)),
                new ReferralAnswered(CONVENTION, "r-answered", "A speakers' list is kept.", DAY.plusDays(20)));

        List<ReferralView> referrals = controller.referrals(CONVENTION);

        assertThat(referrals)
                .containsExactly(
                        new ReferralView(
                                "r-answered",
                                "Subject r-answered",
                                "member",
                                Status.ANSWERED,
                                DAY,
                                DAY.plusDays(2),
                                DAY.plusDays(20),
                                2L,
                                20L,
                                List.of(
                                        new InvestigationView("Attended session 3", DAY.plusDays(5)),
                                        new InvestigationView("Read the minutes", DAY.plusDays(9))),
                                "A speakers' list is kept.",
                                false),
                        new ReferralView(
                                "r-acknowledged",
                                "Subject r-acknowledged",
                                "resident",
                                Status.ACKNOWLEDGED,
                                DAY.plusDays(1),
                                DAY.plusDays(8),
                                null,
                                7L,
                                null,
                                List.of(),
                                null,
                                false),
                        new ReferralView(
                                "r-investigating",
                                "Subject r-investigating",
                                "member",
                                Status.INVESTIGATING,
                                DAY.plusDays(2),
                                DAY.plusDays(4),
                                null,
                                2L,
                                null,
                                List.of(new InvestigationView("Met the facilitators", DAY.plusDays(6))),
                                null,
                                false),
                        new ReferralView(
                                "r-received",
                                "Subject r-received",
                                "resident",
                                Status.RECEIVED,
                                DAY.plusDays(3),
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                true));
        assertThat(controller.referrals("conv-other"))
                .extracting(ReferralView::referralId)
                .containsExactly("r-elsewhere");
        assertThat(controller.referrals("nowhere")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void showsTheGarantsOpinionsByDate(ReadStore.Backend backend) {
        start(backend);
        append(
                new GarantOpinionPublished(
                        CONVENTION, "op-final", OpinionOccasion.FINAL, null, "Final", DAY.plusMonths(4)),
                new GarantOpinionPublished(CONVENTION, "op-s1", OpinionOccasion.END_OF_SESSION, 1, "Session 1", DAY),
                new GarantOpinionPublished(
                        CONVENTION, "op-vote", OpinionOccasion.VOTATION, null, "Votation", DAY.plusMonths(3)),
                new GarantOpinionPublished("conv-other", "op-other", OpinionOccasion.FINAL, null, "Other", DAY));

        assertThat(controller.garantOpinions(CONVENTION))
                .containsExactly(
                        new GarantOpinionView("op-s1", "END_OF_SESSION", 1, "Session 1", DAY),
                        new GarantOpinionView("op-vote", "VOTATION", null, "Votation", DAY.plusMonths(3)),
                        new GarantOpinionView("op-final", "FINAL", null, "Final", DAY.plusMonths(4)));
        assertThat(controller.garantOpinions("nowhere")).isEmpty();
    }

    @Test
    void reDeliveringEventsChangesNothing() {
        start();
        append(
                referred("r-1", "member", DAY),
                new ReferralAcknowledged(CONVENTION, "r-1", DAY.plusDays(1)),
                new ReferralInvestigated(CONVENTION, "r-1", "First look", DAY.plusDays(2)),
                new ReferralInvestigated(CONVENTION, "r-1", "Second look", DAY.plusDays(3)),
                new GarantOpinionPublished(CONVENTION, "op-1", OpinionOccasion.END_OF_SESSION, 2, "Fine", DAY),
                new ReferralAnswered(CONVENTION, "r-1", "Answered", DAY.plusDays(10)));
        List<ReferralView> referrals = controller.referrals(CONVENTION);
        List<GarantOpinionView> opinions = controller.garantOpinions(CONVENTION);

        log.delivered().forEach(this::deliver);
        log.restartFrom(log.delivered().get(2).trackingToken()).forEach(this::deliver);

        assertThat(controller.referrals(CONVENTION)).isEqualTo(referrals);
        assertThat(controller.garantOpinions(CONVENTION)).isEqualTo(opinions);
        assertThat(referrals.get(0).investigations()).hasSize(2);
        assertThat(opinions).hasSize(1);
    }

    /**
     * The "referrals" group is new (ADR-009): on a store whose referral files the "dashboard" group wrote, it
     * has no token yet and reads the log from its first event, over those files.
     */
    @Test
    void theNewGroupReadingTheLogFromItsStartOverTheDashboardsFilesChangesNothing() {
        start();
        append(
                referred("r-1", "member", DAY),
                new ReferralAcknowledged(CONVENTION, "r-1", DAY.plusDays(1)),
                new ReferralInvestigated(CONVENTION, "r-1", "First look", DAY.plusDays(2)),
                new GarantOpinionPublished(CONVENTION, "op-1", OpinionOccasion.FINAL, null, "Final", DAY));
        List<ReferralView> referrals = controller.referrals(CONVENTION);
        List<GarantOpinionView> opinions = controller.garantOpinions(CONVENTION);

        handler = new AnnotationEventHandlerAdapter(
                new ReferralProjection(new Projections(store.mongo()), store.mongo()));
        log.restreamFrom(null).forEach(this::deliver);

        assertThat(controller.referrals(CONVENTION)).isEqualTo(referrals);
        assertThat(controller.garantOpinions(CONVENTION)).isEqualTo(opinions);
        assertThat(referrals.get(0).investigations()).hasSize(1);
    }

    @Test
    void eventsAboutAReferralNeverReceivedFailTheirBatch() {
        start();

        assertThatThrownBy(() -> append(new ReferralAcknowledged(CONVENTION, "nowhere", DAY)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.mongo().findById("nowhere", ReferralFile.class)).isNull();
    }

    @Test
    void resetForgetsReferralsAndOpinions() {
        start();
        append(
                referred("r-1", "resident", DAY),
                new GarantOpinionPublished(CONVENTION, "op-1", OpinionOccasion.FINAL, null, "Final", DAY));

        projection.reset();

        assertThat(controller.referrals(CONVENTION)).isEmpty();
        assertThat(controller.garantOpinions(CONVENTION)).isEmpty();
    }
}
