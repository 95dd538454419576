package org.conventionledger.command.oversight;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.oversight.PersonalDataErased;
import org.conventionledger.events.oversight.PersonalDataRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads of personal data in clear and erasures, one register per convention. */
class PersonalDataAccessLogTest {

    private static final String CONVENTION = "conv-1";
    private static final String LOG = PersonalDataAccessLog.idOf(CONVENTION);
    private static final LocalDate ON = LocalDate.of(2022, 9, 1);

    private FixtureConfiguration<PersonalDataAccessLog> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonalDataAccessLog.class);
    }

    @Test
    void theFirstReadOpensTheRegister() {
        fixture.givenNoPriorActivity()
                .when(new RecordPersonalDataRead(CONVENTION, "invitation-letters", List.of("p-1", "p-2")))
                .expectEvents(new PersonalDataRead(CONVENTION, "invitation-letters", List.of("p-1", "p-2")));
    }

    @Test
    void laterReadsAppendToIt() {
        fixture.given(new PersonalDataRead(CONVENTION, "invitation-letters", List.of("p-1")))
                .when(new RecordPersonalDataRead(CONVENTION, "finance", List.of("p-1")))
                .expectEvents(new PersonalDataRead(CONVENTION, "finance", List.of("p-1")));
    }

    @Test
    void aReadNamesItsPurposeAndItsPeople() {
        expectRejected(
                fixture.givenNoPriorActivity().when(new RecordPersonalDataRead(CONVENTION, " ", List.of("p-1"))),
                422,
                "purpose-required");
        expectRejected(
                fixture.givenNoPriorActivity().when(new RecordPersonalDataRead(CONVENTION, "letters", List.of())),
                422,
                "persons-required");
    }

    @Test
    void anErasureIsLoggedOncePerPerson() {
        fixture.givenNoPriorActivity()
                .when(new EraseResident(CONVENTION, "p-1", "GDPR art. 17", ON))
                .expectEvents(new PersonalDataErased(CONVENTION, "p-1", "GDPR art. 17", ON));
        expectRejected(
                fixture.given(new PersonalDataErased(CONVENTION, "p-1", "GDPR art. 17", ON))
                        .when(new EraseResident(CONVENTION, "p-1", "GDPR art. 17", ON)),
                409,
                "already-erased");
        fixture.given(new PersonalDataErased(CONVENTION, "p-1", "GDPR art. 17", ON))
                .when(new EraseResident(LOG, CONVENTION, "p-2", "GDPR art. 17", ON))
                .expectEvents(new PersonalDataErased(CONVENTION, "p-2", "GDPR art. 17", ON));
    }

    @Test
    void anErasureNamesAPseudonymItsGroundAndDate() {
        expectRejected(
                fixture.givenNoPriorActivity().when(new EraseResident(CONVENTION, "Jean Dupont", "GDPR", ON)),
                422,
                "person-id");
        expectRejected(
                fixture.givenNoPriorActivity().when(new EraseResident(CONVENTION, "p-1", "", ON)),
                422,
                "basis-required");
        expectRejected(
                fixture.givenNoPriorActivity().when(new EraseResident(CONVENTION, "p-1", "GDPR", null)),
                422,
                "requested-on-required");
    }
}
