package org.conventionledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.organisation.DelegatedRole.JOURNALIST;
import static org.conventionledger.events.organisation.DelegatedRole.SECRETARY;
import static org.conventionledger.events.organisation.DelegatedRole.WATCHER;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.DelegatedRole;
import org.conventionledger.events.organisation.DelegatedRoleAssigned;
import org.conventionledger.events.organisation.DelegatedRoleHandedOver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An assembly's delegated roles: assigned while vacant, one per member, handed over by the holder. */
class DelegatedRolesTest {

    private static final String CONVENTION = "conv-1";
    private static final LocalDate ON = LocalDate.of(2021, 12, 4);
    private static final LocalDate LATER = LocalDate.of(2022, 2, 5);

    private FixtureConfiguration<DelegatedRoles> fixture;
    private MemberRegister members;

    @BeforeEach
    void setUp() {
        PanelRegister panel = mock(PanelRegister.class);
        members = mock(MemberRegister.class);
        fixture = new AggregateTestFixture<>(DelegatedRoles.class);
        fixture.registerInjectableResource(panel);
        fixture.registerInjectableResource(members);
        when(panel.terms(CONVENTION))
                .thenReturn(Optional.of(
                        new PanelRegister.Terms(CONVENTION, EnumSet.of(ECOLOGICAL, SOCIAL), new BigDecimal("20.00"))));
        when(panel.terms("elsewhere")).thenReturn(Optional.empty());
        when(members.assemblyOf(anyString(), anyString())).thenReturn(Optional.empty());
        seated("m-1", ECOLOGICAL);
        seated("m-2", ECOLOGICAL);
        seated("m-3", ECOLOGICAL);
        seated("m-9", SOCIAL);
    }

    private void seated(String member, Transition assembly) {
        when(members.assemblyOf(CONVENTION, member)).thenReturn(Optional.of(assembly));
        when(members.isActive(CONVENTION, member)).thenReturn(true);
    }

    private static AssignDelegatedRole assign(DelegatedRole role, String member) {
        return new AssignDelegatedRole(CONVENTION, ECOLOGICAL, role, member, ON);
    }

    private static DelegatedRoleAssigned assigned(DelegatedRole role, String member) {
        return new DelegatedRoleAssigned(CONVENTION, ECOLOGICAL, role, member, ON);
    }

    private static HandOverDelegatedRole handOver(DelegatedRole role, String from, String to) {
        return new HandOverDelegatedRole(CONVENTION, ECOLOGICAL, role, from, to, LATER);
    }

    @Test
    void oneStreamPerAssemblyOfAConvention() {
        assertThat(DelegatedRoles.id(CONVENTION, ECOLOGICAL)).isEqualTo("conv-1:ECOLOGICAL");
        assertThat(assign(SECRETARY, "m-1").delegatedRolesId()).isEqualTo("conv-1:ECOLOGICAL");
        assertThat(handOver(SECRETARY, "m-1", "m-2").delegatedRolesId()).isEqualTo("conv-1:ECOLOGICAL");
    }

    @Nested
    class Assigning {

        @Test
        void theFirstRoleStartsTheAssemblysStream() {
            fixture.givenNoPriorActivity()
                    .when(assign(SECRETARY, "m-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(assigned(SECRETARY, "m-1"));
        }

        @Test
        void anotherRoleGoesToAnotherMember() {
            fixture.given(assigned(SECRETARY, "m-1"))
                    .when(assign(WATCHER, "m-2"))
                    .expectEvents(assigned(WATCHER, "m-2"));
        }

        @Test
        void aRoleIsNamed() {
            expectRejected(fixture.givenNoPriorActivity().when(assign(null, "m-1")), 422, "role-required");
        }

        @Test
        void theDateIsRequired() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new AssignDelegatedRole(CONVENTION, ECOLOGICAL, SECRETARY, "m-1", null)),
                    422,
                    "date-required");
        }

        @Test
        void theConventionMustExist() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new AssignDelegatedRole("elsewhere", ECOLOGICAL, SECRETARY, "m-1", ON)),
                    404,
                    "unknown-convention");
        }

        @Test
        void theAssemblyMustBeOneOfTheConventions() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new AssignDelegatedRole(CONVENTION, DEMOCRATIC, SECRETARY, "m-1", ON)),
                    422,
                    "unknown-assembly");
        }

        @Test
        void aHeldRoleIsNotAssignedAgain() {
            expectRejected(fixture.given(assigned(SECRETARY, "m-1")).when(assign(SECRETARY, "m-2")), 409, "role-taken");
        }

        @Test
        void theMemberIsNamed() {
            expectRejected(fixture.givenNoPriorActivity().when(assign(SECRETARY, " ")), 422, "member-required");
        }

        @Test
        void onlyASeatedMemberTakesARole() {
            expectRejected(fixture.givenNoPriorActivity().when(assign(SECRETARY, "m-404")), 422, "not-a-member");
        }

        @Test
        void aMemberWhoLeftTakesNoRole() {
            when(members.isActive(CONVENTION, "m-1")).thenReturn(false);
            expectRejected(fixture.givenNoPriorActivity().when(assign(SECRETARY, "m-1")), 409, "member-inactive");
        }

        @Test
        void aMemberOfAnotherAssemblyTakesNoRoleHere() {
            expectRejected(fixture.givenNoPriorActivity().when(assign(SECRETARY, "m-9")), 422, "wrong-assembly");
        }

        @Test
        void aMemberHoldsOneRolePerAssembly() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(assign(JOURNALIST, "m-1")),
                    409,
                    "member-holds-role");
        }
    }

    @Nested
    class HandingOver {

        @Test
        void theHolderHandsTheRoleToAnotherMember() {
            fixture.given(assigned(SECRETARY, "m-1"))
                    .when(handOver(SECRETARY, "m-1", "m-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DelegatedRoleHandedOver(CONVENTION, ECOLOGICAL, SECRETARY, "m-1", "m-2", LATER));
        }

        @Test
        void aMemberWhoLeftHandsTheirRoleOver() {
            when(members.isActive(CONVENTION, "m-1")).thenReturn(false);
            fixture.given(assigned(SECRETARY, "m-1"))
                    .when(handOver(SECRETARY, "m-1", "m-2"))
                    .expectEvents(new DelegatedRoleHandedOver(CONVENTION, ECOLOGICAL, SECRETARY, "m-1", "m-2", LATER));
        }

        @Test
        void theFormerHolderMayTakeAnotherRole() {
            fixture.given(
                            assigned(SECRETARY, "m-1"),
                            new DelegatedRoleHandedOver(CONVENTION, ECOLOGICAL, SECRETARY, "m-1", "m-2", LATER))
                    .when(assign(WATCHER, "m-1"))
                    .expectEvents(assigned(WATCHER, "m-1"));
        }

        @Test
        void theNewHolderHandsItOnAgain() {
            fixture.given(
                            assigned(SECRETARY, "m-1"),
                            new DelegatedRoleHandedOver(CONVENTION, ECOLOGICAL, SECRETARY, "m-1", "m-2", LATER))
                    .when(handOver(SECRETARY, "m-2", "m-3"))
                    .expectEvents(new DelegatedRoleHandedOver(CONVENTION, ECOLOGICAL, SECRETARY, "m-2", "m-3", LATER));
        }

        @Test
        void aRoleIsNamed() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(null, "m-1", "m-2")), 422, "role-required");
        }

        @Test
        void theDateIsRequired() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1"))
                            .when(new HandOverDelegatedRole(CONVENTION, ECOLOGICAL, SECRETARY, "m-1", "m-2", null)),
                    422,
                    "date-required");
        }

        @Test
        void aVacantRoleIsAssignedNotHandedOver() {
            expectRejected(fixture.givenNoPriorActivity().when(handOver(SECRETARY, "m-1", "m-2")), 409, "role-vacant");
        }

        @Test
        void onlyTheHolderHandsOver() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(SECRETARY, "m-3", "m-2")),
                    409,
                    "not-the-holder");
        }

        @Test
        void theRoleGoesToAnotherMember() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(SECRETARY, "m-1", "m-1")),
                    422,
                    "same-member");
        }

        @Test
        void theNewHolderIsNamed() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(SECRETARY, "m-1", null)),
                    422,
                    "member-required");
        }

        @Test
        void theNewHolderIsASeatedMember() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(SECRETARY, "m-1", "m-404")),
                    422,
                    "not-a-member");
        }

        @Test
        void theNewHolderHasNotLeft() {
            when(members.isActive(CONVENTION, "m-2")).thenReturn(false);
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(SECRETARY, "m-1", "m-2")),
                    409,
                    "member-inactive");
        }

        @Test
        void theNewHolderSitsInTheAssembly() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1")).when(handOver(SECRETARY, "m-1", "m-9")),
                    422,
                    "wrong-assembly");
        }

        @Test
        void theNewHolderHoldsNoOtherRole() {
            expectRejected(
                    fixture.given(assigned(SECRETARY, "m-1"), assigned(WATCHER, "m-2"))
                            .when(handOver(SECRETARY, "m-1", "m-2")),
                    409,
                    "member-holds-role");
        }
    }
}
