package org.conventionledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.organisation.Presence.ABSENT;
import static org.conventionledger.events.organisation.Presence.EXCUSED;
import static org.conventionledger.events.organisation.Presence.PRESENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.AttendanceCorrected;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Mandate;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The registers the sessions and delegated roles read, on the real schema (H2), fed through Axon's
 * own event handler dispatch: the panel's terms, session numbers and unexcused absences, and which
 * members still sit.
 */
class PanelRegisterTest {

    private static final String CONVENTION = "conv-1";
    private static final LocalDate ON = LocalDate.of(2021, 12, 4);

    private EmbeddedDatabase database;
    private PanelRegister panel;
    private MemberRegister members;
    private AnnotationEventHandlerAdapter panelHandlers;
    private AnnotationEventHandlerAdapter memberHandlers;

    @BeforeEach
    void schema() {
        database = new EmbeddedDatabaseBuilder()
                .setType(EmbeddedDatabaseType.H2)
                .setName("registers-" + UUID.randomUUID())
                .addScript("registers/schema.sql")
                .build();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        panel = new PanelRegister(jdbc);
        members = new MemberRegister(jdbc);
        panelHandlers = new AnnotationEventHandlerAdapter(panel);
        memberHandlers = new AnnotationEventHandlerAdapter(members);
    }

    @AfterEach
    void shutdown() {
        database.shutdown();
    }

    private void panelSees(Object... events) throws Exception {
        for (Object event : events) {
            panelHandlers.handle(GenericEventMessage.asEventMessage(event));
        }
    }

    private void membersSee(Object... events) throws Exception {
        for (Object event : events) {
            memberHandlers.handle(GenericEventMessage.asEventMessage(event));
        }
    }

    private static ConventionOpened opened(String conventionId, BigDecimal indemnity) {
        return new ConventionOpened(
                conventionId,
                "Convention",
                "Clermont-Ferrand",
                new Mandate("D-1", ON, ON.plusMonths(9), "Actions", "Carry them out", indemnity),
                List.of(ECOLOGICAL, SOCIAL),
                6);
    }

    private static SessionScheduled scheduled(String sessionId, int number) {
        return new SessionScheduled(CONVENTION, sessionId, number, SessionKind.PLENARY, null, ON, ON.plusDays(1));
    }

    private static MemberSeated seated(String memberId, Transition assembly) {
        return new MemberSeated(CONVENTION, memberId, "inv-" + memberId, assembly, "v1", ON);
    }

    @Test
    void aConventionsTermsAreItsAssembliesAndIndemnity() throws Exception {
        panelSees(opened(CONVENTION, new BigDecimal("20")));
        var terms = panel.terms(CONVENTION).orElseThrow();
        assertThat(terms.assemblies()).containsExactlyInAnyOrder(ECOLOGICAL, SOCIAL);
        assertThat(terms.indemnityPerSession()).isEqualByComparingTo("20.00");
        assertThat(panel.terms("elsewhere")).isEmpty();
    }

    @Test
    void aMandateWithoutIndemnityPaysNone() throws Exception {
        panelSees(opened(CONVENTION, null));
        assertThat(panel.terms(CONVENTION).orElseThrow().indemnityPerSession()).isEqualByComparingTo("0");
    }

    @Test
    void sessionNumbersAreTakenPerConventionAndMeeting() throws Exception {
        panelSees(
                scheduled("ses-1", 1),
                new SessionScheduled(
                        CONVENTION,
                        "ses-2-eco",
                        2,
                        SessionKind.ASSEMBLY,
                        ECOLOGICAL,
                        LocalDate.of(2021, 12, 10),
                        LocalDate.of(2021, 12, 11)));
        assertThat(panel.sessionNumberTaken(CONVENTION, 1, null)).isTrue();
        assertThat(panel.sessionNumberTaken(CONVENTION, 1, SOCIAL))
                .as("a plenary takes its number from every assembly")
                .isTrue();
        assertThat(panel.sessionNumberTaken(CONVENTION, 2, ECOLOGICAL)).isTrue();
        assertThat(panel.sessionNumberTaken(CONVENTION, 2, SOCIAL))
                .as("assemblies meet separately in session 2")
                .isFalse();
        assertThat(panel.sessionNumberTaken(CONVENTION, 2, null))
                .as("no plenary over an assembly's meeting")
                .isTrue();
        assertThat(panel.sessionNumberTaken(CONVENTION, 3, null)).isFalse();
        assertThat(panel.sessionNumberTaken("conv-2", 1, null)).isFalse();
    }

    @Test
    void unexcusedAbsencesCountAbsentRecordsAfterCorrections() throws Exception {
        panelSees(
                new AttendanceRecorded(CONVENTION, "ses-1", "m-1", ABSENT),
                new AttendanceRecorded(CONVENTION, "ses-2", "m-1", ABSENT),
                new AttendanceRecorded(CONVENTION, "ses-3", "m-1", EXCUSED),
                new AttendanceRecorded(CONVENTION, "ses-4", "m-1", PRESENT),
                new AttendanceRecorded(CONVENTION, "ses-1", "m-2", ABSENT),
                new AttendanceRecorded("conv-2", "ses-9", "m-1", ABSENT));
        assertThat(panel.unexcusedAbsences(CONVENTION, "m-1")).isEqualTo(2);

        panelSees(
                new AttendanceCorrected(CONVENTION, "ses-2", "m-1", ABSENT, EXCUSED, "Certificate"),
                new AttendanceCorrected(CONVENTION, "ses-4", "m-1", PRESENT, ABSENT, "Signed for someone else"));
        assertThat(panel.unexcusedAbsences(CONVENTION, "m-1")).isEqualTo(2);
        assertThat(panel.unexcusedAbsences(CONVENTION, "m-2")).isEqualTo(1);
        assertThat(panel.unexcusedAbsences(CONVENTION, "m-3")).isZero();
    }

    @Test
    void membersWhoWithdrawOrLoseMembershipNoLongerSit() throws Exception {
        membersSee(
                seated("m-1", ECOLOGICAL), seated("m-2", ECOLOGICAL), seated("m-3", ECOLOGICAL), seated("m-4", SOCIAL));
        assertThat(members.activeMembers(CONVENTION, ECOLOGICAL)).containsExactly("m-1", "m-2", "m-3");

        membersSee(
                new MemberWithdrew(CONVENTION, "m-1", WithdrawalReason.MOVED_AWAY, ON),
                new MembershipLost(CONVENTION, "m-3", 3, 2, "v1", ON));
        assertThat(members.isActive(CONVENTION, "m-1")).isFalse();
        assertThat(members.isActive(CONVENTION, "m-2")).isTrue();
        assertThat(members.isActive(CONVENTION, "m-3")).isFalse();
        assertThat(members.isActive(CONVENTION, "m-404")).isFalse();
        assertThat(members.activeMembers(CONVENTION, ECOLOGICAL)).containsExactly("m-2");
        assertThat(members.activeMembers(CONVENTION, SOCIAL)).containsExactly("m-4");
        // a member who left keeps their seat's assembly: what they did while seated stays attributable
        assertThat(members.assemblyOf(CONVENTION, "m-1")).contains(ECOLOGICAL);
        assertThat(members.activeMembers("conv-2", ECOLOGICAL)).isEmpty();
    }
}
