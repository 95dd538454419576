package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.query.oversight.TrailFixture.JSON;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.DelegatedRole;
import org.conventionledger.events.organisation.DelegatedRoleHandedOver;
import org.conventionledger.events.organisation.ExpenseApproved;
import org.conventionledger.events.organisation.ExpenseClaimed;
import org.conventionledger.events.organisation.ExpenseKind;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.oversight.PersonalDataErased;
import org.conventionledger.events.oversight.PersonalDataRead;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.junit.jupiter.api.Test;

/** {@link Subjects}: whom each event concerns, from the payload as the trail keeps it (JSON read as a map). */
class SubjectsTest {

    private static final String C = "conv-1";
    private static final LocalDate DAY = LocalDate.of(2021, 10, 2);

    private static Map<String, Object> payload(Object event) {
        return JSON.convertValue(event, new TypeReference<Map<String, Object>>() {});
    }

    private static List<String> subjects(Object event) {
        return Subjects.of(event.getClass().getSimpleName(), payload(event));
    }

    private static Set<String> aliases(Object event, String... known) {
        return Subjects.aliases(event.getClass().getSimpleName(), payload(event), Set.of(known));
    }

    private static SealedPersonalData sealed(String personId) {
        return new SealedPersonalData(personId, "v1:CIPHER-" + personId);
    }

    @Test
    void residentsOfAListBatchAreFoundInsideThePayload() {
        ResidentsListed listed = new ResidentsListed(
                C,
                "roll",
                1,
                List.of(new ListedResident("p-a", sealed("p-a")), new ListedResident("p-b", sealed("p-b"))));

        assertThat(subjects(listed)).containsExactly("person:p-a", "person:p-b");
    }

    @Test
    void theDrawTheLotteryAndThePanelNameEveryPersonInThem() {
        ResidentsDrawn drawn = new ResidentsDrawn(
                C,
                "draw-1",
                "seed",
                "dice",
                "dice at the draw",
                "v1",
                List.of(new FrozenList("roll", 2, "f")),
                List.of(new DrawnResident("p-a", "roll"), new DrawnResident("p-c", "roll")));
        PanelLotteryComputed lottery = new PanelLotteryComputed(
                C,
                "sel",
                "leximin-v1",
                0.4,
                List.of(new SelectionChance("p-a", "letter-1", 0.6), new SelectionChance("p-c", "letter-2", 0.4)),
                List.of(new LotteryPanel(0.6, List.of("p-a")), new LotteryPanel(0.4, List.of("p-c", "p-d"))));
        PanelDrawn panel = new PanelDrawn(C, "sel", "seed", "dice", 0, List.of("p-a"), List.of("p-c", "p-d"));

        assertThat(subjects(drawn)).containsExactly("person:p-a", "person:p-c");
        assertThat(subjects(lottery))
                .containsExactly(
                        "invitation:conv-1/letter-1",
                        "invitation:conv-1/letter-2",
                        "person:p-a",
                        "person:p-c",
                        "person:p-d");
        assertThat(subjects(panel)).containsExactly("person:p-a", "person:p-c", "person:p-d");
    }

    @Test
    void invitationsAreKeyedPerConventionAndLinkedToTheirResident() {
        InvitationSent sent = new InvitationSent(C, "letter-1", "p-a", "roll", DAY);
        InvitationAnswered answered = new InvitationAnswered(C, "letter-1", Answer.ACCEPTED, DAY);
        InvitationAnswered elsewhere = new InvitationAnswered("conv-2", "letter-1", Answer.DECLINED, DAY);

        assertThat(subjects(sent)).containsExactly("invitation:conv-1/letter-1", "person:p-a");
        assertThat(subjects(answered)).containsExactly("invitation:conv-1/letter-1");
        assertThat(subjects(elsewhere)).containsExactly("invitation:conv-2/letter-1");
        assertThat(aliases(sent, "person:p-a")).containsExactly("invitation:conv-1/letter-1");
        assertThat(aliases(sent, "invitation:conv-1/letter-1")).containsExactly("person:p-a");
        assertThat(aliases(answered, "invitation:conv-1/letter-1")).isEmpty();
    }

    @Test
    void aVolunteersSealedNeedsNameOnlyThemselves() {
        VolunteerRegistered volunteer =
                new VolunteerRegistered(C, "letter-1", "p-a", Map.of("gender", "F"), Transition.SOCIAL, sealed("p-a"));

        assertThat(subjects(volunteer)).containsExactly("invitation:conv-1/letter-1", "person:p-a");
        assertThat(aliases(volunteer, "person:p-a")).containsExactly("invitation:conv-1/letter-1");
    }

    @Test
    void theSeatLinksTheInvitationToTheMember() {
        MemberSeated seated = new MemberSeated(C, "m-1", "letter-1", Transition.SOCIAL, "v1", DAY);

        assertThat(subjects(seated)).containsExactly("invitation:conv-1/letter-1", "member:conv-1/m-1");
        assertThat(aliases(seated, "invitation:conv-1/letter-1")).containsExactly("member:conv-1/m-1");
        assertThat(aliases(seated, "person:p-a")).isEmpty();
    }

    @Test
    void aReplacementConcernsBothPeopleButLinksOnlyTheReplacement() {
        ReplacementCalled called = new ReplacementCalled(C, "sel", "m-1", "p-c", "letter-2");

        assertThat(subjects(called)).containsExactly("invitation:conv-1/letter-2", "member:conv-1/m-1", "person:p-c");
        assertThat(aliases(called, "person:p-c")).containsExactly("invitation:conv-1/letter-2");
        assertThat(aliases(called, "member:conv-1/m-1"))
                .as("the member replaced is someone else")
                .isEmpty();
    }

    @Test
    void aLotteryLinksEachVolunteerToTheirOwnInvitationOnly() {
        PanelLotteryComputed lottery = new PanelLotteryComputed(
                C,
                "sel",
                "leximin-v1",
                0.4,
                List.of(new SelectionChance("p-a", "letter-1", 0.6), new SelectionChance("p-c", "letter-2", 0.4)),
                List.of());

        assertThat(aliases(lottery, "person:p-c")).containsExactly("invitation:conv-1/letter-2");
    }

    @Test
    void membersAreNamedByAttendanceRolesJudgmentsDeparturesPaymentsAndConsentRounds() {
        assertThat(subjects(new AttendanceRecorded(C, "s-1", "m-1", Presence.PRESENT)))
                .containsExactly("member:conv-1/m-1");
        assertThat(subjects(
                        new DelegatedRoleHandedOver(C, Transition.SOCIAL, DelegatedRole.SECRETARY, "m-1", "m-2", DAY)))
                .containsExactly("member:conv-1/m-1", "member:conv-1/m-2");
        assertThat(subjects(new JudgmentCast(C, "vote-1", "m-1", List.of(3, 4))))
                .containsExactly("member:conv-1/m-1");
        assertThat(subjects(new MemberWithdrew(C, "m-1", WithdrawalReason.MOVED_AWAY, DAY)))
                .containsExactly("member:conv-1/m-1");
        assertThat(subjects(new IndemnitiesPaid(C, "s-1", List.of("m-1", "m-2"), new BigDecimal("40.00"), DAY)))
                .containsExactly("member:conv-1/m-1", "member:conv-1/m-2");
        assertThat(subjects(new ConsentRoundOpened(C, "a-1", "r-1", 1, List.of("m-1", "elected official"))))
                .contains("member:conv-1/m-1");
        assertThat(subjects(new ObjectionRaised(C, "a-1", "o-1", ObjectionCategory.OTHER, "why", "m-2", null)))
                .containsExactly("member:conv-1/m-2");
    }

    @Test
    void anExpenseClaimLinksTheClaimSoItsApprovalIsFound() {
        ExpenseClaimed claimed =
                new ExpenseClaimed(C, "claim-1", "s-1", "m-1", ExpenseKind.TRAVEL, new BigDecimal("12.50"));

        assertThat(subjects(claimed)).containsExactly("claim:conv-1/claim-1", "member:conv-1/m-1");
        assertThat(aliases(claimed, "member:conv-1/m-1")).containsExactly("claim:conv-1/claim-1");
        assertThat(subjects(new ExpenseApproved(C, "claim-1"))).containsExactly("claim:conv-1/claim-1");
    }

    @Test
    void personalDataReadsAndErasuresNameThePeople() {
        assertThat(subjects(new PersonalDataRead(C, "invitation-letters", List.of("p-a", "p-b"))))
                .containsExactly("person:p-a", "person:p-b");
        assertThat(subjects(new PersonalDataErased(C, "p-a", "GDPR art. 17", DAY)))
                .containsExactly("person:p-a");
    }

    @Test
    void eventsAboutNoOneHaveNoSubjects() {
        assertThat(subjects(new SessionClosed(C, "s-1", DAY))).isEmpty();
        assertThat(subjects(new OnlineBallotCast(C, "vot-1", "ballot-1", "voter-pseudonym", List.of(1))))
                .as("a voter's pseudonym is not a person id")
                .isEmpty();
        assertThat(Subjects.of("Unknown", null)).isEmpty();
        assertThat(Subjects.of("Unknown", Map.of("personId", " "))).isEmpty();
    }

    @Test
    void anUnknownEventTypeIsReadByItsFieldNames() {
        assertThat(Subjects.of("MemberThanked", Map.of("conventionId", C, "memberId", "m-9")))
                .containsExactly("member:conv-1/m-9");
    }
}
