package org.conventionledger.command.recruitment;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.AggregateFixtures;
import org.conventionledger.command.recruitment.RecruitmentRegister.ListState;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SourceListFrozen;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.conventionledger.rules.sortition.ListFingerprint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A source list: registered in a convention, filled batch by batch, frozen once a draw committed to its seed. */
class SourceListTest {

    private static final String CONVENTION = "conv-1";
    private static final String LIST = "electoral-roll";

    // a fresh instance, so fresh mocks, for every test
    private final ConventionRegister conventions = mock(ConventionRegister.class);
    private final RecruitmentRegister register = mock(RecruitmentRegister.class);
    private final FixtureConfiguration<SourceList> fixture =
            AggregateFixtures.fixture(SourceList.class, conventions, register);

    // ---- building blocks -------------------------------------------------------------------------

    private static SourceListRegistered registered() {
        return new SourceListRegistered(CONVENTION, LIST, "Electoral roll 2024", "electoral-roll");
    }

    /** A resident whose identity is sealed with their own key. */
    private static ListedResident resident(String personId) {
        return new ListedResident(personId, new SealedPersonalData(personId, "v1:sealed-" + personId));
    }

    private static ListResidents listing(ListedResident... residents) {
        return new ListResidents(LIST, List.of(residents));
    }

    private static ResidentsListed listed(int batch, ListedResident... residents) {
        return new ResidentsListed(CONVENTION, LIST, batch, List.of(residents));
    }

    private static SourceListFrozen frozen(String... personIds) {
        return new SourceListFrozen(CONVENTION, LIST, personIds.length, ListFingerprint.of(LIST, List.of(personIds)));
    }

    /** The register as it stands once draw {@code drawId} (null: none) named the list. */
    private void plannedBy(String drawId) {
        when(register.list(LIST)).thenReturn(Optional.of(new ListState(LIST, CONVENTION, drawId, false, null, 3)));
    }

    // ---- registering -----------------------------------------------------------------------------

    @Nested
    class RegisteringAList {

        @Test
        void aListOfAnExistingConventionIsRegistered() {
            when(conventions.conventionExists(CONVENTION)).thenReturn(true);
            fixture.givenNoPriorActivity()
                    .when(new RegisterSourceList(LIST, CONVENTION, "Electoral roll 2024", "electoral-roll"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered());
        }

        @Test
        void anUnknownConventionIsNotFound() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RegisterSourceList(LIST, "conv-9", "Electoral roll 2024", "electoral-roll")),
                    404,
                    "unknown-convention");
        }

        @Test
        void aBlankNameIsRefused() {
            when(conventions.conventionExists(CONVENTION)).thenReturn(true);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RegisterSourceList(LIST, CONVENTION, " ", "electoral-roll")),
                    422,
                    "name-required");
        }

        @Test
        void aMissingNameIsRefused() {
            when(conventions.conventionExists(CONVENTION)).thenReturn(true);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RegisterSourceList(LIST, CONVENTION, null, "electoral-roll")),
                    422,
                    "name-required");
        }

        @Test
        void aBlankKindIsRefused() {
            when(conventions.conventionExists(CONVENTION)).thenReturn(true);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RegisterSourceList(LIST, CONVENTION, "Electoral roll 2024", "")),
                    422,
                    "kind-required");
        }

        @Test
        void aMissingKindIsRefused() {
            when(conventions.conventionExists(CONVENTION)).thenReturn(true);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RegisterSourceList(LIST, CONVENTION, "Electoral roll 2024", null)),
                    422,
                    "kind-required");
        }
    }

    // ---- listing residents -----------------------------------------------------------------------

    @Nested
    class ListingResidents {

        @Test
        void theFirstBatchIsBatchOne() {
            fixture.given(registered())
                    .when(listing(resident("p-01"), resident("p-02")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(listed(1, resident("p-01"), resident("p-02")));
        }

        @Test
        void batchesAreNumberedInOrder() {
            fixture.given(registered(), listed(1, resident("p-01")), listed(2, resident("p-02")))
                    .when(listing(resident("p-03")))
                    .expectEvents(listed(3, resident("p-03")));
        }

        @Test
        void someoneRepeatedInTheBatchIsListedOnce() {
            fixture.given(registered())
                    .when(listing(resident("p-01"), resident("p-02"), resident("p-01")))
                    .expectEvents(listed(1, resident("p-01"), resident("p-02")));
        }

        @Test
        void someoneAlreadyOnTheListIsSkipped() {
            fixture.given(registered(), listed(1, resident("p-01"), resident("p-02")))
                    .when(listing(resident("p-02"), resident("p-03"), resident("p-01"), resident("p-04")))
                    .expectEvents(listed(2, resident("p-03"), resident("p-04")));
        }

        @Test
        void aBatchOfPeopleAllAlreadyListedIsRefused() {
            expectRejected(
                    fixture.given(registered(), listed(1, resident("p-01"), resident("p-02")))
                            .when(listing(resident("p-02"), resident("p-01"), resident("p-02"))),
                    409,
                    "already-listed");
        }

        @Test
        void anEmptyBatchIsRefused() {
            expectRejected(fixture.given(registered()).when(listing()), 422, "residents-required");
        }

        @Test
        void aMissingBatchIsRefused() {
            expectRejected(fixture.given(registered()).when(new ListResidents(LIST, null)), 422, "residents-required");
        }

        @Test
        void aBatchOfTheMaximumSizeIsListed() {
            List<ListedResident> residents = batchOf(SourceList.MAX_BATCH);
            fixture.given(registered())
                    .when(new ListResidents(LIST, residents))
                    .expectEvents(new ResidentsListed(CONVENTION, LIST, 1, residents));
        }

        @Test
        void aBatchAboveTheMaximumSizeIsRefused() {
            expectRejected(
                    fixture.given(registered()).when(new ListResidents(LIST, batchOf(SourceList.MAX_BATCH + 1))),
                    422,
                    "batch-too-large");
        }

        @Test
        void anIdentitySealedForAnotherPersonIsRefusedAndNothingOfTheBatchIsListed() {
            ListedResident mixedUp = new ListedResident("p-02", new SealedPersonalData("p-03", "v1:sealed-p-03"));
            expectRejected(
                    fixture.given(registered()).when(listing(resident("p-01"), mixedUp)),
                    422,
                    "sealed-identity-required");
        }

        @Test
        void aResidentWithoutIdentityIsRefused() {
            expectRejected(
                    fixture.given(registered()).when(listing(new ListedResident("p-01", null))),
                    422,
                    "sealed-identity-required");
        }

        @Test
        void aResidentWithoutIdIsRefused() {
            expectRejected(
                    fixture.given(registered())
                            .when(listing(new ListedResident(null, new SealedPersonalData(null, "v1:x")))),
                    422,
                    "sealed-identity-required");
        }

        @Test
        void aFrozenListTakesNoMoreResidents() {
            expectRejected(
                    fixture.given(registered(), listed(1, resident("p-01")), frozen("p-01"))
                            .when(listing(resident("p-02"))),
                    409,
                    "list-frozen");
        }

        private List<ListedResident> batchOf(int size) {
            List<ListedResident> residents = new ArrayList<>();
            IntStream.range(0, size).forEach(i -> residents.add(resident(String.format("p-%05d", i))));
            return residents;
        }
    }

    // ---- freezing --------------------------------------------------------------------------------

    @Nested
    class FreezingTheList {

        @Test
        void aListADrawCommittedToIsFrozenWithItsFingerprint() {
            plannedBy("draw-1");
            fixture.given(registered(), listed(1, resident("p-03"), resident("p-01")), listed(2, resident("p-02")))
                    .when(new FreezeSourceList(LIST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SourceListFrozen(
                            CONVENTION, LIST, 3, ListFingerprint.of(LIST, List.of("p-01", "p-02", "p-03"))));
        }

        @Test
        void theFingerprintDoesNotDependOnTheOrderPeopleWereListedIn() {
            plannedBy("draw-1");
            fixture.given(registered(), listed(1, resident("p-02")), listed(2, resident("p-03"), resident("p-01")))
                    .when(new FreezeSourceList(LIST))
                    .expectEvents(frozen("p-01", "p-02", "p-03"));
        }

        @Test
        void anEmptyListIsNotFrozen() {
            plannedBy("draw-1");
            expectRejected(fixture.given(registered()).when(new FreezeSourceList(LIST)), 422, "list-empty");
        }

        @Test
        void aListNoDrawCommittedToIsNotFrozen() {
            plannedBy(null);
            expectRejected(
                    fixture.given(registered(), listed(1, resident("p-01"))).when(new FreezeSourceList(LIST)),
                    409,
                    "seed-not-committed");
        }

        @Test
        void aListTheRegisterDoesNotKnowYetIsNotFrozen() {
            expectRejected(
                    fixture.given(registered(), listed(1, resident("p-01"))).when(new FreezeSourceList(LIST)),
                    409,
                    "seed-not-committed");
        }

        @Test
        void aListIsFrozenOnce() {
            plannedBy("draw-1");
            expectRejected(
                    fixture.given(registered(), listed(1, resident("p-01")), frozen("p-01"))
                            .when(new FreezeSourceList(LIST)),
                    409,
                    "list-frozen");
        }
    }
}
