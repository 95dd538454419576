package org.conventionledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sessions and delegated roles over HTTP, on the embedded event store and the real registers: the
 * whole life of a session to its payment, rule breaks answering problems with their code and writing
 * nothing, and invalid requests refused (naming the field) before any command is sent.
 */
class SessionApiTest extends WriteApiTest {

    @MockitoSpyBean
    Commands commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventGateway events;

    /** As an organiser: they run the sessions, so most requests here are theirs. */
    private ResultActions send(String path, String body) throws Exception {
        return api.post("ORGANISER", path, body);
    }

    private String created(String path, String body, String idField) throws Exception {
        return api.created("ORGANISER", path, body, idField);
    }

    /**
     * Seats a member by publishing the recruitment's event itself: the recruitment flow has its own tests,
     * and the sessions only read the member register it feeds.
     */
    private String seat(String convention, Transition assembly) {
        String memberId = Commands.newId();
        events.publish(
                new MemberSeated(convention, memberId, "inv-" + memberId, assembly, "v1", LocalDate.of(2021, 11, 6)));
        return memberId;
    }

    private List<String> eventTypes(String aggregateId) {
        List<String> types = new ArrayList<>();
        eventStore
                .readEvents(aggregateId)
                .forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        return types;
    }

    @Test
    void aSessionGoesFromSchedulingToPayment() throws Exception {
        String convention = api.openConvention();
        String alice = seat(convention, Transition.ECOLOGICAL);
        String bruno = seat(convention, Transition.ECOLOGICAL);
        String chloe = seat(convention, Transition.SOCIAL);
        String sessions = "/api/conventions/" + convention + "/sessions";

        String session = created(sessions, """
                {"number":2,"kind":"ASSEMBLY","assembly":"ECOLOGICAL","startsOn":"2021-12-04","endsOn":"2021-12-05"}
                """, "sessionId");
        send(sessions, """
                {"number":2,"kind":"PLENARY","startsOn":"2022-01-08","endsOn":"2022-01-09"}
                """).andExpect(problem(409, "session-number-taken"));
        String s = sessions + "/" + session;

        send(s + "/attendance", """
                {"attendance":[{"memberId":"%s","presence":"PRESENT"},{"memberId":"%s","presence":"PRESENT"}]}
                """.formatted(alice, chloe)).andExpect(problem(422, "wrong-assembly"));
        send(s + "/attendance", """
                {"attendance":[{"memberId":"%s","presence":"PRESENT"},{"memberId":"%s","presence":"ABSENT"}]}
                """.formatted(alice, bruno))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(2));
        send(s + "/attendance", "{\"attendance\":[{\"memberId\":\"%s\",\"presence\":\"EXCUSED\"}]}".formatted(bruno))
                .andExpect(problem(409, "attendance-recorded"));
        send(s + "/attendance/" + bruno + "/correction", "{\"presence\":\"EXCUSED\",\"reason\":\"Certificate\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.presence").value("EXCUSED"));

        send(s + "/expenses", "{\"memberId\":\"%s\",\"kind\":\"TRAVEL\",\"amount\":9.50}".formatted(bruno))
                .andExpect(problem(422, "member-not-present"));
        String claim = created(
                s + "/expenses",
                "{\"memberId\":\"%s\",\"kind\":\"CHILDCARE\",\"amount\":35.50}".formatted(alice),
                "claimId");
        send(s + "/close", "{\"closedOn\":\"2021-12-05\"}").andExpect(status().isOk());
        send(s + "/payment", "{\"paidOn\":\"2022-01-10\"}").andExpect(problem(409, "claims-pending"));
        send(s + "/expenses/" + claim + "/approval", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        send(s + "/expenses/" + claim + "/rejection", "{\"reason\":\"Too late\"}")
                .andExpect(problem(409, "claim-decided"));

        send(s + "/payment", "{\"paidOn\":\"2022-01-10\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberIds[0]").value(alice))
                .andExpect(jsonPath("$.memberIds.length()").value(1))
                .andExpect(jsonPath("$.total").value(55.5));
        send(s + "/payment", "{\"paidOn\":\"2022-01-11\"}").andExpect(problem(409, "indemnities-paid"));
        send(s + "/attendance/" + bruno + "/correction", "{\"presence\":\"ABSENT\",\"reason\":\"Oops\"}")
                .andExpect(problem(409, "session-closed"));
        send(
                        "/api/conventions/" + api.openConvention() + "/sessions/" + session + "/close",
                        "{\"closedOn\":\"2021-12-05\"}")
                .andExpect(problem(404, "unknown-session"));

        assertThat(eventTypes(session))
                .containsExactly(
                        "SessionScheduled",
                        "AttendanceRecorded",
                        "AttendanceRecorded",
                        "AttendanceCorrected",
                        "ExpenseClaimed",
                        "SessionClosed",
                        "ExpenseApproved",
                        "IndemnitiesPaid");
    }

    @Test
    void anAssemblyElectsItsDelegatedRolesAndHandsThemOver() throws Exception {
        String convention = api.openConvention();
        String alice = seat(convention, Transition.SOCIAL);
        String bruno = seat(convention, Transition.SOCIAL);
        String roles = "/api/conventions/" + convention + "/assemblies/SOCIAL/roles";

        send(roles, "{\"role\":\"SECRETARY\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(alice))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("SECRETARY"));
        send(roles, "{\"role\":\"SECRETARY\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(bruno))
                .andExpect(problem(409, "role-taken"));
        send(roles, "{\"role\":\"WATCHER\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(alice))
                .andExpect(problem(409, "member-holds-role"));
        send(
                        "/api/conventions/" + convention + "/assemblies/ECOLOGICAL/roles",
                        "{\"role\":\"WATCHER\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(bruno))
                .andExpect(problem(422, "wrong-assembly"));
        String chloe = seat(convention, Transition.SOCIAL);
        events.publish(new MemberWithdrew(convention, chloe, WithdrawalReason.PERSONAL, LocalDate.of(2022, 1, 3)));
        send(roles, "{\"role\":\"WATCHER\",\"memberId\":\"%s\",\"assignedOn\":\"2022-01-08\"}".formatted(chloe))
                .andExpect(problem(409, "member-inactive"));
        send(roles + "/SECRETARY/handover", """
                {"fromMemberId":"%s","toMemberId":"%s","handedOverOn":"2022-02-05"}""".formatted(alice, bruno))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(bruno));

        assertThat(eventTypes(DelegatedRoles.id(convention, Transition.SOCIAL)))
                .containsExactly("DelegatedRoleAssigned", "DelegatedRoleHandedOver");
        assertThat(eventTypes(DelegatedRoles.id(convention, Transition.ECOLOGICAL)))
                .isEmpty();
    }

    @Test
    void invalidRequestsNameTheFieldAndSendNoCommand() throws Exception {
        String sessions = "/api/conventions/conv-x/sessions";
        send(sessions, "{\"number\":0,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"2021-12-05\"}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        send(sessions, "{\"number\":1,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"someday\"}")
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.field").value("endsOn"));
        send(sessions + "/ses-1/attendance", "{\"attendance\":[{\"memberId\":\"m-1\"}]}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("attendance[0].presence"));
        send(sessions + "/ses-1/attendance", "{\"attendance\":[{\"memberId\":\"m-1\",\"presence\":\"LATE\"}]}")
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.field").value("attendance[0].presence"));
        send(sessions + "/ses-1/attendance/m-1/correction", "{\"presence\":\"EXCUSED\"}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(sessions + "/ses-1/expenses", "{\"memberId\":\"m-1\",\"kind\":\"TRAVEL\",\"amount\":12.345}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        send(sessions + "/ses-1/expenses", "{\"memberId\":\"m-1\",\"kind\":\"TRAVEL\",\"amount\":1000.01}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        send(sessions + "/ses-1/expenses/c-1/rejection", "{\"reason\":\" \"}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(sessions + "/ses-1/close", "{}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("closedOn"));
        send(sessions + "/ses-1/payment", "{}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("paidOn"));
        String roles = "/api/conventions/conv-x/assemblies/";
        send(roles + "SOCIAL/roles", "{\"role\":\"SECRETARY\",\"assignedOn\":\"2021-12-04\"}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
        send(roles + "MARITIME/roles", "{\"role\":\"SECRETARY\",\"memberId\":\"m-1\",\"assignedOn\":\"2021-12-04\"}")
                .andExpect(problem(400, "invalid-request"));
        send(
                        roles + "SOCIAL/roles/TREASURER/handover",
                        "{\"fromMemberId\":\"m-1\",\"toMemberId\":\"m-2\",\"handedOverOn\":\"2022-02-05\"}")
                .andExpect(problem(400, "invalid-request"));

        verify(commands, never()).send(any());
    }

    @Test
    void ruleBreaksWriteNothing() throws Exception {
        String convention = api.openConvention();
        String sessions = "/api/conventions/" + convention + "/sessions";
        clearInvocations(commands);
        send(
                        sessions,
                        "{\"number\":1,\"kind\":\"PLENARY\",\"assembly\":\"SOCIAL\",\"startsOn\":\"2021-12-04\","
                                + "\"endsOn\":\"2021-12-05\"}")
                .andExpect(problem(422, "assembly-not-allowed"));
        send(
                        "/api/conventions/nowhere/sessions",
                        "{\"number\":1,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"2021-12-05\"}")
                .andExpect(problem(404, "unknown-convention"));
        send(sessions + "/nowhere/close", "{\"closedOn\":\"2021-12-05\"}").andExpect(problem(404, "unknown-id"));
        send(
                        "/api/conventions/" + convention + "/assemblies/SOCIAL/roles/SECRETARY/handover",
                        "{\"fromMemberId\":\"m-1\",\"toMemberId\":\"m-2\",\"handedOverOn\":\"2022-02-05\"}")
                .andExpect(problem(409, "role-vacant"));
        verify(commands, times(4)).send(any());
        assertThat(eventTypes(DelegatedRoles.id(convention, Transition.SOCIAL))).isEmpty();
    }

    @Test
    void onlyOrganisersWrite() throws Exception {
        for (String role : List.of("GARANT", "MONITOR", "VOTER", "PLATFORM")) {
            api.post(
                            role,
                            "/api/conventions/conv-x/sessions",
                            "{\"number\":1,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"2021-12-05\"}")
                    .andExpect(status().isForbidden());
            api.post(
                            role,
                            "/api/conventions/conv-x/assemblies/SOCIAL/roles",
                            "{\"role\":\"SECRETARY\",\"memberId\":\"m-1\",\"assignedOn\":\"2021-12-04\"}")
                    .andExpect(status().isForbidden());
        }
        verify(commands, never()).send(any());
    }
}
