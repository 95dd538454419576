package org.conventionledger.query.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConventionDirectoryTest {

    private ReadStore store;
    private ConventionDirectoryProjection projection;
    private ConventionDirectory directory;
    private EventLog log;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection = new ConventionDirectoryProjection(store.mongo());
        directory = new ConventionDirectory(store.mongo());
        log = EventLog.jdbc();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void open(ConventionOpened event) {
        projection.on(event);
    }

    @Test
    void listsEachOpenedConvention() {
        open(conventionOpened("conv-lyon", "Convention citoyenne de Lyon", "Lyon", ECOLOGICAL, SOCIAL, DEMOCRATIC));

        assertThat(directory.conventions())
                .containsExactly(new ConventionSummary(
                        "conv-lyon",
                        "Convention citoyenne de Lyon",
                        "Lyon",
                        List.of("ECOLOGICAL", "SOCIAL", "DEMOCRATIC"),
                        8));
    }

    @Test
    void conventionsAreListedByTitle() {
        open(conventionOpened("c-3", "Convention du climat", "Grenoble", ECOLOGICAL));
        open(conventionOpened("c-1", "Assemblée de quartier", "Nantes", SOCIAL));
        open(conventionOpened("c-2", "Budget participatif", "Lille", DEMOCRATIC));

        assertThat(directory.conventions())
                .extracting(ConventionSummary::conventionId)
                .containsExactly("c-1", "c-2", "c-3");
    }

    @Test
    void aReDeliveredOpeningListsTheConventionOnce() {
        ConventionOpened opened = conventionOpened("conv-lyon", "C", "Lyon", SOCIAL);
        open(opened);
        projection.on(opened);
        projection.on(opened);

        assertThat(directory.conventions()).hasSize(1);
    }

    @Test
    void resetEmptiesTheDirectory() {
        open(conventionOpened("conv-lyon", "C", "Lyon", SOCIAL));

        projection.reset();

        assertThat(directory.conventions()).isEmpty();
    }

    @Test
    void axonRoutesTheOpeningToTheDirectory() throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        TrackedEventMessage<?> opened = log.append(conventionOpened("conv-lyon", "C", "Lyon", SOCIAL));
        handlers.handle(opened);
        handlers.handle(opened);

        assertThat(handlers.canHandle(log.append(invitationSent("conv-lyon", "inv-1"))))
                .isFalse();
        assertThat(directory.conventions()).extracting(ConventionSummary::city).containsExactly("Lyon");
    }
}
