package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.conventionledger.query.platform.AsOfFeed;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.InMemoryLog;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code as-of-checkpoints} projection fed events, its documents read: a checkpoint every so many
 * events of the log with the states its interval changed, the same documents whatever is handed over
 * again after a crash or after a rebuild, and a view the fold cannot apply an event to stored without a
 * state while the other views go on.
 */
class RankingAsOfCheckpointsTest {

    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");
    private static final List<String> COLLECTIONS = List.of("asOfCheckpoints", "asOfStates");

    private InMemoryLog log;
    private ReadStore store;

    @BeforeEach
    void start() {
        log = new InMemoryLog();
        store = ReadStore.start();
    }

    @AfterEach
    void stop() {
        log.close();
        store.close();
    }

    /** Votation v: scheduled, opened, 12 ballots; 6 events of no ranking in the middle; a minute apart. */
    private void appendVotation() {
        int minute = 0;
        log.append(votationScheduled("c", "v", "Votation", item(1, SOCIAL)), T0.plusSeconds(60L * minute++));
        log.append(votationOpened("c", "v"), T0.plusSeconds(60L * minute++));
        for (int i = 0; i < 12; i++) {
            log.append(onlineBallot("c", "v", "b-" + i, 1), T0.plusSeconds(60L * minute++));
            if (i == 5) {
                for (int j = 0; j < 6; j++) {
                    log.append(invitationSent("c", "inv-" + j), T0.plusSeconds(60L * minute++));
                }
            }
        }
    }

    @Test
    void aCheckpointEveryFourEventsWithTheStatesItsIntervalChanged() {
        appendVotation();
        AsOfFeed feed = new AsOfFeed(log.store(), store.mongo(), 4, new RankingAsOf.Counting());
        feed.catchUp(3);

        // 20 events: checkpoints after 4, 8, 12, 16, 20; the one after 12 holds invitations only
        List<Document> checkpoints = store.mongo().findAll(Document.class, "asOfCheckpoints");
        assertThat(checkpoints).hasSize(5);
        assertThat(checkpoints.stream().map(c -> c.getList("changed", String.class)))
                .containsExactly(
                        List.of("ranking/v"),
                        List.of("ranking/v"),
                        List.of(),
                        List.of("ranking/v"),
                        List.of("ranking/v"));
        Document fourth = store.mongo().findById("ranking/v@4", Document.class, "asOfStates");
        assertThat(fourth.get("state", Document.class).getLong("onlineBallots")).isEqualTo(8);
        assertThat(store.mongo().findById("ranking/v@3", Document.class, "asOfStates"))
                .isNull();

        // as of the 8th ballot: from the checkpoint after 8 events, reading one interval at most
        CheckpointedReplay replay = feed.replay(new LogReplay(log.store(), Duration.ofMinutes(10)));
        CheckpointedReplay.Result<Ranking> result =
                replay.replay(new RankingAsOf.Counting(), "v", new LogReplay.Bound(T0.plusSeconds(60 * 15), null));
        assertThat(result.state().onlineBallots).isEqualTo(8);
        assertThat(result.replayed().eventsRead()).isLessThanOrEqualTo(4);
    }

    @Test
    void batchesHandedOverAgainAfterCrashesLeaveTheDocumentsOfASingleDelivery() {
        appendVotation();
        new AsOfFeed(log.store(), store.mongo(), 4, new RankingAsOf.Counting()).catchUp(20);
        Map<String, Map<Object, Document>> once = documents(store);
        try (ReadStore other = ReadStore.start()) {
            AsOfFeed feed = new AsOfFeed(log.store(), other.mongo(), 4, new RankingAsOf.Counting());
            feed.crashBeforeToken(3);
            feed.step(2);
            feed.crashBeforeProgress(7);
            feed.crashBeforeToken(5);
            feed.catchUp(3);
            assertThat(documents(other)).isEqualTo(once);
        }
    }

    @Test
    void aRebuildDropsTheCheckpointsAndTakesThemAgain() {
        appendVotation();
        AsOfFeed feed = new AsOfFeed(log.store(), store.mongo(), 4, new RankingAsOf.Counting());
        feed.catchUp(6);
        Map<String, Map<Object, Document>> before = documents(store);
        String epoch =
                store.mongo().findAll(Document.class, "asOfFolding").get(0).getString("epoch");

        feed.reset();
        assertThat(store.mongo().getCollection("asOfCheckpoints").countDocuments())
                .isZero();
        assertThat(store.mongo().getCollection("asOfStates").countDocuments()).isZero();
        assertThat(store.mongo().getCollection("asOfFolding").countDocuments()).isZero();
        feed.catchUp(6);

        assertThat(documents(store)).isEqualTo(before);
        assertThat(store.mongo().findAll(Document.class, "asOfFolding").get(0).getString("epoch"))
                .isNotEqualTo(epoch);
    }

    @Test
    void aViewTheFoldCannotApplyAnEventToIsStoredWithoutStateAndTheOthersGoOn() {
        log.append(votationScheduled("c", "v", "Votation", item(1, SOCIAL)), T0);
        log.append(votationScheduled("c", "w", "Other", item(1, SOCIAL)), T0.plusSeconds(1));
        // no action 2 on v: the live projection refuses this ballot too
        log.append(onlineBallot("c", "v", "b-0", 2), T0.plusSeconds(2));
        for (int i = 1; i <= 8; i++) {
            log.append(onlineBallot("c", "w", "b-" + i, 1), T0.plusSeconds(2 + i));
        }
        AsOfFeed feed = new AsOfFeed(log.store(), store.mongo(), 4, new RankingAsOf.Counting());
        feed.catchUp(5);

        Document broken = store.mongo().findById("ranking/v@1", Document.class, "asOfStates");
        assertThat(broken.get("state")).isNull();
        Document w = store.mongo().findById("ranking/w@2", Document.class, "asOfStates");
        assertThat(w.get("state", Document.class).getLong("onlineBallots")).isEqualTo(5);
        CheckpointedReplay replay = feed.replay(new LogReplay(log.store(), Duration.ofMinutes(10)));
        assertThat(replay.replay(new RankingAsOf.Counting(), "w", new LogReplay.Bound(null, 8L))
                        .state()
                        .onlineBallots)
                .isEqualTo(6);
    }

    /** The checkpoints and states, without the epoch (a new one at each rebuild). */
    private static Map<String, Map<Object, Document>> documents(ReadStore store) {
        Map<String, Map<Object, Document>> documents = ReadStore.documents(store.mongo(), COLLECTIONS);
        documents.values().forEach(byId -> byId.values().forEach(d -> d.remove("epoch")));
        return documents;
    }
}
