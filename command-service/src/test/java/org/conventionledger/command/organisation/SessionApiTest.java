package org.conventionledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sessions and delegated roles over HTTP, on the embedded event store and the real registers: the
 * whole life of a session to its payment, rule breaks answering problems with their code and writing
 * nothing, and invalid requests refused (naming the field) before any command is sent.
 */
@SpringBootTest(properties = "ledger.security.mode=oidc")
@AutoConfigureMockMvc
@DirtiesContext
class SessionApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = """
            {"title":"Convention","city":"Clermont-Ferrand","plannedSessions":6,
             "transitions":["ECOLOGICAL","SOCIAL","DEMOCRATIC"],
             "mandate":{"deliberationReference":"D-1","startsOn":"2021-10-01","endsOn":"2022-06-30",
                        "indemnityPerSession":20}}""";

    @MockitoBean
    JwtDecoder jwtDecoder;
    @MockitoSpyBean
    Commands commands;
    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventGateway events;

    @BeforeEach
    void tokensNameTheirRole() {
        given(jwtDecoder.decode(anyString())).willAnswer(call -> {
            String role = call.getArgument(0);
            return new Jwt(role, Instant.now(), Instant.now().plusSeconds(300), Map.of("alg", "RS256"),
                    Map.of("sub", role.toLowerCase() + "@city", "roles", List.of(role)));
        });
    }

    private ResultActions send(String role, String path, String body) throws Exception {
        var request = post(path).header("Authorization", "Bearer " + role);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return http.perform(request);
    }

    private ResultActions send(String path, String body) throws Exception {
        return send("ORGANISER", path, body);
    }

    private String created(String path, String body, String idField) throws Exception {
        String response = send(path, body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(response).path(idField).asText();
    }

    /**
     * Seats a member by publishing the recruitment's event itself: the recruitment flow has its own tests,
     * and the sessions only read the member register it feeds.
     */
    private String seat(String convention, Transition assembly) {
        String memberId = Commands.newId();
        events.publish(new MemberSeated(convention, memberId, "inv-" + memberId, assembly, "v1",
                LocalDate.of(2021, 11, 6)));
        return memberId;
    }

    private List<String> eventTypes(String aggregateId) {
        List<String> types = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        return types;
    }

    private static ResultActions problem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                     .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                     .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void aSessionGoesFromSchedulingToPayment() throws Exception {
        String convention = created("/api/conventions", OPEN, "conventionId");
        String alice = seat(convention, Transition.ECOLOGICAL);
        String bruno = seat(convention, Transition.ECOLOGICAL);
        String chloe = seat(convention, Transition.SOCIAL);
        String sessions = "/api/conventions/" + convention + "/sessions";

        String session = created(sessions, """
                {"number":2,"kind":"ASSEMBLY","assembly":"ECOLOGICAL","startsOn":"2021-12-04","endsOn":"2021-12-05"}""",
                "sessionId");
        problem(send(sessions, """
                {"number":2,"kind":"PLENARY","startsOn":"2022-01-08","endsOn":"2022-01-09"}"""), 409, "session-number-taken");
        String s = sessions + "/" + session;

        problem(send(s + "/attendance", """
                {"attendance":[{"memberId":"%s","presence":"PRESENT"},{"memberId":"%s","presence":"PRESENT"}]}"""
                .formatted(alice, chloe)), 422, "wrong-assembly");
        send(s + "/attendance", """
                {"attendance":[{"memberId":"%s","presence":"PRESENT"},{"memberId":"%s","presence":"ABSENT"}]}"""
                .formatted(alice, bruno))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(2));
        problem(send(s + "/attendance", "{\"attendance\":[{\"memberId\":\"%s\",\"presence\":\"EXCUSED\"}]}"
                .formatted(bruno)), 409, "attendance-recorded");
        send(s + "/attendance/" + bruno + "/correction", "{\"presence\":\"EXCUSED\",\"reason\":\"Certificate\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.presence").value("EXCUSED"));

        problem(send(s + "/expenses", "{\"memberId\":\"%s\",\"kind\":\"TRAVEL\",\"amount\":9.50}".formatted(bruno)),
                422, "member-not-present");
        String claim = created(s + "/expenses",
                "{\"memberId\":\"%s\",\"kind\":\"CHILDCARE\",\"amount\":35.50}".formatted(alice), "claimId");
        send(s + "/close", "{\"closedOn\":\"2021-12-05\"}").andExpect(status().isOk());
        problem(send(s + "/payment", "{\"paidOn\":\"2022-01-10\"}"), 409, "claims-pending");
        send(s + "/expenses/" + claim + "/approval", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        problem(send(s + "/expenses/" + claim + "/rejection", "{\"reason\":\"Too late\"}"), 409, "claim-decided");

        send(s + "/payment", "{\"paidOn\":\"2022-01-10\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberIds[0]").value(alice))
                .andExpect(jsonPath("$.memberIds.length()").value(1))
                .andExpect(jsonPath("$.total").value(55.5));
        problem(send(s + "/payment", "{\"paidOn\":\"2022-01-11\"}"), 409, "indemnities-paid");
        problem(send(s + "/attendance/" + bruno + "/correction", "{\"presence\":\"ABSENT\",\"reason\":\"Oops\"}"),
                409, "session-closed");
        problem(send("/api/conventions/" + created("/api/conventions", OPEN, "conventionId") + "/sessions/" + session
                + "/close", "{\"closedOn\":\"2021-12-05\"}"), 404, "unknown-session");

        assertThat(eventTypes(session)).containsExactly("SessionScheduled", "AttendanceRecorded", "AttendanceRecorded",
                "AttendanceCorrected", "ExpenseClaimed", "SessionClosed", "ExpenseApproved", "IndemnitiesPaid");
    }

    @Test
    void anAssemblyElectsItsDelegatedRolesAndHandsThemOver() throws Exception {
        String convention = created("/api/conventions", OPEN, "conventionId");
        String alice = seat(convention, Transition.SOCIAL);
        String bruno = seat(convention, Transition.SOCIAL);
        String roles = "/api/conventions/" + convention + "/assemblies/SOCIAL/roles";

        send(roles, "{\"role\":\"SECRETARY\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(alice))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("SECRETARY"));
        problem(send(roles, "{\"role\":\"SECRETARY\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(bruno)),
                409, "role-taken");
        problem(send(roles, "{\"role\":\"WATCHER\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(alice)),
                409, "member-holds-role");
        problem(send("/api/conventions/" + convention + "/assemblies/ECOLOGICAL/roles",
                "{\"role\":\"WATCHER\",\"memberId\":\"%s\",\"assignedOn\":\"2021-12-04\"}".formatted(bruno)),
                422, "wrong-assembly");
        String chloe = seat(convention, Transition.SOCIAL);
        events.publish(new MemberWithdrew(convention, chloe, WithdrawalReason.PERSONAL, LocalDate.of(2022, 1, 3)));
        problem(send(roles, "{\"role\":\"WATCHER\",\"memberId\":\"%s\",\"assignedOn\":\"2022-01-08\"}".formatted(chloe)),
                409, "member-inactive");
        send(roles + "/SECRETARY/handover", """
                {"fromMemberId":"%s","toMemberId":"%s","handedOverOn":"2022-02-05"}""".formatted(alice, bruno))
                .andExpect(status().isOk()).andExpect(jsonPath("$.memberId").value(bruno));

        assertThat(eventTypes(DelegatedRoles.id(convention, Transition.SOCIAL)))
                .containsExactly("DelegatedRoleAssigned", "DelegatedRoleHandedOver");
        assertThat(eventTypes(DelegatedRoles.id(convention, Transition.ECOLOGICAL))).isEmpty();
    }

    @Test
    void invalidRequestsNameTheFieldAndSendNoCommand() throws Exception {
        String sessions = "/api/conventions/conv-x/sessions";
        problem(send(sessions, "{\"number\":0,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"2021-12-05\"}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("number"));
        problem(send(sessions, "{\"number\":1,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"someday\"}"),
                400, "malformed-request").andExpect(jsonPath("$.field").value("endsOn"));
        problem(send(sessions + "/ses-1/attendance", "{\"attendance\":[{\"memberId\":\"m-1\"}]}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("attendance[0].presence"));
        problem(send(sessions + "/ses-1/attendance", "{\"attendance\":[{\"memberId\":\"m-1\",\"presence\":\"LATE\"}]}"),
                400, "malformed-request").andExpect(jsonPath("$.field").value("attendance.[0].presence"));
        problem(send(sessions + "/ses-1/attendance/m-1/correction", "{\"presence\":\"EXCUSED\"}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("reason"));
        problem(send(sessions + "/ses-1/expenses", "{\"memberId\":\"m-1\",\"kind\":\"TRAVEL\",\"amount\":12.345}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("amount"));
        problem(send(sessions + "/ses-1/expenses", "{\"memberId\":\"m-1\",\"kind\":\"TRAVEL\",\"amount\":1000.01}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("amount"));
        problem(send(sessions + "/ses-1/expenses/c-1/rejection", "{\"reason\":\" \"}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("reason"));
        problem(send(sessions + "/ses-1/close", "{}"), 400, "invalid-fields")
                .andExpect(jsonPath("$.errors[0].field").value("closedOn"));
        problem(send(sessions + "/ses-1/payment", "{}"), 400, "invalid-fields")
                .andExpect(jsonPath("$.errors[0].field").value("paidOn"));
        String roles = "/api/conventions/conv-x/assemblies/";
        problem(send(roles + "SOCIAL/roles", "{\"role\":\"SECRETARY\",\"assignedOn\":\"2021-12-04\"}"),
                400, "invalid-fields").andExpect(jsonPath("$.errors[0].field").value("memberId"));
        problem(send(roles + "MARITIME/roles", "{\"role\":\"SECRETARY\",\"memberId\":\"m-1\",\"assignedOn\":\"2021-12-04\"}"),
                400, "invalid-request");
        problem(send(roles + "SOCIAL/roles/TREASURER/handover",
                "{\"fromMemberId\":\"m-1\",\"toMemberId\":\"m-2\",\"handedOverOn\":\"2022-02-05\"}"), 400, "invalid-request");

        verify(commands, never()).send(any());
    }

    @Test
    void ruleBreaksWriteNothing() throws Exception {
        String convention = created("/api/conventions", OPEN, "conventionId");
        String sessions = "/api/conventions/" + convention + "/sessions";
        clearInvocations(commands);
        problem(send(sessions, "{\"number\":1,\"kind\":\"PLENARY\",\"assembly\":\"SOCIAL\",\"startsOn\":\"2021-12-04\","
                + "\"endsOn\":\"2021-12-05\"}"), 422, "assembly-not-allowed");
        problem(send("/api/conventions/nowhere/sessions",
                "{\"number\":1,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"2021-12-05\"}"),
                404, "unknown-convention");
        problem(send(sessions + "/nowhere/close", "{\"closedOn\":\"2021-12-05\"}"), 404, "unknown-id");
        problem(send("/api/conventions/" + convention + "/assemblies/SOCIAL/roles/SECRETARY/handover",
                "{\"fromMemberId\":\"m-1\",\"toMemberId\":\"m-2\",\"handedOverOn\":\"2022-02-05\"}"), 409, "role-vacant");
        verify(commands, times(4)).send(any());
        assertThat(eventTypes(DelegatedRoles.id(convention, Transition.SOCIAL))).isEmpty();
    }

    @Test
    void onlyOrganisersWrite() throws Exception {
        for (String role : List.of("GARANT", "MONITOR", "VOTER", "PLATFORM")) {
            send(role, "/api/conventions/conv-x/sessions",
                    "{\"number\":1,\"kind\":\"PLENARY\",\"startsOn\":\"2021-12-04\",\"endsOn\":\"2021-12-05\"}")
                    .andExpect(status().isForbidden());
            send(role, "/api/conventions/conv-x/assemblies/SOCIAL/roles",
                    "{\"role\":\"SECRETARY\",\"memberId\":\"m-1\",\"assignedOn\":\"2021-12-04\"}")
                    .andExpect(status().isForbidden());
        }
        verify(commands, never()).send(any());
    }
}
