package org.conventionledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.conventionledger.events.Transition;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.DrawnResidentNotInvited;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.NotInvitedReason;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelRecordRef;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.SourceListFrozen;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.rules.selection.LotteryRecord;
import org.conventionledger.rules.selection.PanelDraw;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.selection.Volunteer;
import org.conventionledger.rules.sortition.ListFingerprint;
import org.conventionledger.rules.sortition.ResidentDraw;
import org.conventionledger.rules.sortition.SeedCommitment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger verify-draw}: a garant re-checks a draw of residents and a panel draw from an export of the
 * log, whose payloads are the real event records serialised as JSON.
 */
class DrawVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONVENTION = "conv-clermont";
    /** The seed committed with the plan, before the lists were frozen. */
    private static final String SEED = "organiser seed sealed 2025-02-03: amber heron";
    /** The public entropy drawn at the draw, after the lists were frozen. */
    private static final String ENTROPY = "dice 3 rolled before Maître Durand";
    /** Named with the seed's commitment, before the lists were frozen. */
    private static final String SOURCE = "one die rolled before Maître Durand at the public draw";

    private static final List<String> ROLL = List.of("p-01", "p-02", "p-03", "p-04", "p-05", "p-06", "p-07", "p-08");
    private static final List<String> TENANTS = List.of("p-07", "p-08", "p-09", "p-10", "p-11", "p-12");
    /**
     * Three from the roll, then two from the tenants, on {@code SEED + "|" + ENTROPY}: computed independently
     * of this code, from the rule's text, with Python's {@code hashlib}.
     */
    private static final List<DrawnResident> DRAWN = List.of(
            new DrawnResident("p-08", "electoral-roll"),
            new DrawnResident("p-01", "electoral-roll"),
            new DrawnResident("p-02", "electoral-roll"),
            new DrawnResident("p-07", "tenants"),
            new DrawnResident("p-12", "tenants"));

    @TempDir
    Path dir;

    /** What one run printed. */
    record Run(int exitCode, String out, String err) {

        List<Map<String, Object>> verdicts() throws IOException {
            List<Map<String, Object>> verdicts = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                verdicts.add(JSON.readValue(line, new TypeReference<>() {}));
            }
            return verdicts;
        }

        Map<String, Object> verdict() throws IOException {
            assertThat(verdicts()).hasSize(1);
            return verdicts().get(0);
        }
    }

    /**
     * An event of the export to be: its payload is the record, serialised when the export is written, and
     * {@code record} the panel record the export attaches to its line (ADR-010), or null.
     */
    record Event(Object payload, String aggregateId, byte[] record) {

        Event(Object payload, String aggregateId) {
            this(payload, aggregateId, null);
        }
    }

    private static Event event(Object payload, String aggregateId) {
        return new Event(payload, aggregateId);
    }

    private static ResidentsListed listed(String listId, int batch, List<String> people) {
        return new ResidentsListed(
                CONVENTION,
                listId,
                batch,
                people.stream()
                        .map(p -> new ListedResident(p, new SealedPersonalData(p, "v1:c2VhbGVkLWZvci0" + p)))
                        .toList());
    }

    /** A per-list draw from the electoral roll and the tenants' list, as the command side logs it. */
    private static List<Event> drawEvents() {
        List<Event> events = new ArrayList<>();
        events.add(event(
                new SourceListRegistered(CONVENTION, "electoral-roll", "Liste électorale", "electoral-roll"),
                "electoral-roll"));
        events.add(event(
                new SourceListRegistered(CONVENTION, "tenants", "Locataires Logidôme", "social-landlord"), "tenants"));
        events.add(event(
                new DrawPlanned(
                        CONVENTION,
                        "draw-1",
                        List.of(new ListQuota("electoral-roll", 3), new ListQuota("tenants", 2)),
                        0,
                        SeedCommitment.of(SEED),
                        "draw-v1",
                        SOURCE),
                "draw-1"));
        events.add(event(listed("electoral-roll", 1, ROLL.subList(0, 5)), "electoral-roll"));
        events.add(event(listed("tenants", 1, TENANTS), "tenants"));
        events.add(event(listed("electoral-roll", 2, ROLL.subList(5, 8)), "electoral-roll"));
        events.add(event(
                new SourceListFrozen(CONVENTION, "electoral-roll", 8, ListFingerprint.of("electoral-roll", ROLL)),
                "electoral-roll"));
        events.add(event(
                new SourceListFrozen(CONVENTION, "tenants", 6, ListFingerprint.of("tenants", TENANTS)), "tenants"));
        events.add(event(
                new ResidentsDrawn(
                        CONVENTION,
                        "draw-1",
                        SEED,
                        ENTROPY,
                        SOURCE,
                        "draw-v1",
                        List.of(
                                new FrozenList("electoral-roll", 8, ListFingerprint.of("electoral-roll", ROLL)),
                                new FrozenList("tenants", 6, ListFingerprint.of("tenants", TENANTS))),
                        DRAWN),
                "draw-1"));
        events.add(event(
                new InvitationSent(CONVENTION, "inv-1", "p-07", "electoral-roll", LocalDate.of(2025, 3, 2)),
                CONVENTION));
        return events;
    }

    /** Writes the events as {@code GET /api/audit/export} lines (the chain links are not checked here). */
    private Path export(List<Event> events) throws IOException {
        ObjectMapper payloads = new ObjectMapper().findAndRegisterModules();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("position", i + 1);
            line.put("eventId", "evt-" + (i + 1));
            line.put("aggregateId", event.aggregateId());
            line.put("sequence", 0);
            line.put("aggregateType", "Recruitment");
            line.put("payloadType", event.payload().getClass().getName());
            line.put("payloadRevision", "1");
            line.put("timestamp", "2025-03-02T09:00:00.000Z");
            line.put("metaData", Map.of("actorId", "organiser", "actorRole", "ORGANISER"));
            line.put("payload", payloads.writeValueAsString(event.payload()));
            line.put("chainHash", null);
            line.put("chain", "v2");
            if (event.record() != null) {
                line.put("panelRecord", Base64.getEncoder().encodeToString(event.record()));
            }
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        Path export = dir.resolve("ledger-log.jsonl");
        Files.writeString(export, text, StandardCharsets.UTF_8);
        return export;
    }

    private static Run verify(Path export, String drawId, String selectionId) {
        return verify(export, drawId, selectionId, List.of());
    }

    private static Run verify(Path export, String drawId, String selectionId, List<Path> panelRecords) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DrawVerification.run(
                export == null ? null : export.toString(),
                drawId,
                selectionId,
                panelRecords.stream().map(Path::toString).toList(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The events with the one at {@code index} (an event of type {@code T}) replaced. */
    @SuppressWarnings("unchecked")
    private static <T> List<Event> replaced(List<Event> events, int index, UnaryOperator<T> change) {
        List<Event> changed = new ArrayList<>(events);
        Event event = events.get(index);
        changed.set(index, new Event(change.apply((T) event.payload()), event.aggregateId(), event.record()));
        return changed;
    }

    @Nested
    class Draws {

        @Test
        void anUntouchedDrawIsVerifiedAndItsInviteesListed() throws IOException {
            Run run = verify(export(drawEvents()), null, null);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(DrawVerification.VERIFIED);
            Map<String, Object> verdict = run.verdict();
            assertThat(verdict)
                    .containsEntry("convention", CONVENTION)
                    .containsEntry("draw", "draw-1")
                    .containsEntry("verified", true)
                    .doesNotContainKey("expected");
            assertThat((String) verdict.get("reason")).contains("same 5 residents");
            assertThat(verdict.get("drawn"))
                    .isEqualTo(List.of(
                            Map.of("personId", "p-08", "listId", "electoral-roll"),
                            Map.of("personId", "p-01", "listId", "electoral-roll"),
                            Map.of("personId", "p-02", "listId", "electoral-roll"),
                            Map.of("personId", "p-07", "listId", "tenants"),
                            Map.of("personId", "p-12", "listId", "tenants")));
        }

        @Test
        void anOverallDrawIsVerifiedToo() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    2,
                    (DrawPlanned plan) -> new DrawPlanned(
                            CONVENTION,
                            "draw-1",
                            List.of(new ListQuota("electoral-roll", 0), new ListQuota("tenants", 0)),
                            4,
                            plan.seedCommitment(),
                            "draw-v1",
                            SOURCE));
            // computed independently with Python's hashlib, like DRAWN
            events = replaced(
                    events,
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION,
                            "draw-1",
                            SEED,
                            ENTROPY,
                            SOURCE,
                            "draw-v1",
                            drawn.lists(),
                            List.of(
                                    new DrawnResident("p-11", "tenants"),
                                    new DrawnResident("p-07", "electoral-roll"),
                                    new DrawnResident("p-06", "electoral-roll"),
                                    new DrawnResident("p-08", "electoral-roll"))));

            Run run = verify(export(events), "draw-1", null);

            assertThat(run.exitCode()).as(run.verdicts().toString()).isZero();
        }

        @Test
        void drawnResidentsNotInvitedYetAreListedWithAWarningWhileTheInvitationsAreOpen() throws IOException {
            Map<String, Object> verdict =
                    verify(export(drawEvents()), null, null).verdict();

            assertThat(verdict)
                    .containsEntry("verified", true)
                    .containsEntry("unaccounted", List.of("p-08", "p-01", "p-02", "p-12"));
            assertThat((List<?>) verdict.get("warnings"))
                    .singleElement()
                    .asString()
                    .contains("still open");
        }

        @Test
        void onceTheInvitationsCloseEveryDrawnResidentIsInvitedOrGivenAReason() throws IOException {
            List<Event> events = new ArrayList<>(drawEvents());
            LocalDate sent = LocalDate.of(2025, 3, 2);
            for (String person : List.of("p-08", "p-01", "p-02")) {
                events.add(event(
                        new InvitationSent(CONVENTION, "inv-" + person, person, "electoral-roll", sent), CONVENTION));
            }
            events.add(event(
                    new DrawnResidentNotInvited(CONVENTION, "p-12", "tenants", NotInvitedReason.MOVED_AWAY, sent),
                    CONVENTION));
            events.add(event(new InvitationsClosed(CONVENTION, sent.plusDays(30), 0), CONVENTION));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).as(run.out()).isEqualTo(DrawVerification.VERIFIED);
            assertThat(run.verdict()).containsEntry("unaccounted", List.of()).containsEntry("warnings", List.of());
        }

        /** The organiser invited only the drawn residents they liked and closed the invitations. */
        @Test
        void drawnResidentsLeftOutWithoutAReasonAreNotVerified() throws IOException {
            List<Event> events = new ArrayList<>(drawEvents());
            events.add(event(
                    new DrawnResidentNotInvited(
                            CONVENTION, "p-12", "tenants", NotInvitedReason.DECEASED, LocalDate.of(2025, 3, 2)),
                    CONVENTION));
            events.add(event(new InvitationsClosed(CONVENTION, LocalDate.of(2025, 4, 1), 0), CONVENTION));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat(run.verdict())
                    .containsEntry("verified", false)
                    .containsEntry("unaccounted", List.of("p-08", "p-01", "p-02"));
            assertThat((String) run.verdict().get("reason"))
                    .isEqualTo("3 drawn resident(s) are neither invited nor "
                            + "logged as not invited with a reason, and the invitations closed (line 12)");
        }

        /** Logged before the source was committed (revision 1): still re-run, with a warning. */
        @Test
        void aDrawPlannedWithoutASourceIsVerifiedWithAWarning() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    2,
                    (DrawPlanned plan) -> new DrawPlanned(
                            CONVENTION, "draw-1", plan.lists(), 0, plan.seedCommitment(), "draw-v1", null));
            events = replaced(
                    events,
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION, "draw-1", SEED, ENTROPY, null, "draw-v1", drawn.lists(), drawn.drawn()));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).as(run.out()).isEqualTo(DrawVerification.VERIFIED);
            assertThat((List<?>) run.verdict().get("warnings"))
                    .first()
                    .asString()
                    .startsWith("source not committed");
        }

        /** The organiser read the entropy from another source than the one committed to, e.g. to pick a result. */
        @Test
        void entropyFromAnotherSourceThanTheCommittedOneIsNotVerified() throws IOException {
            for (String other : new String[] {"national lottery draw of 2025-03-01", null}) {
                List<Event> events = replaced(
                        drawEvents(),
                        8,
                        (ResidentsDrawn drawn) -> new ResidentsDrawn(
                                CONVENTION, "draw-1", SEED, ENTROPY, other, "draw-v1", drawn.lists(), drawn.drawn()));

                Run run = verify(export(events), null, null);

                assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
                assertThat((String) run.verdict().get("reason"))
                        .startsWith("the public entropy is declared from \"" + other
                                + "\", DrawPlanned (line 3) committed to \"" + SOURCE + "\"");
            }
        }

        @Test
        void aChangedListedPersonBreaksTheFreezingFingerprint() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    4,
                    (ResidentsListed listed) ->
                            listed("tenants", 1, List.of("p-07", "p-08", "p-09", "p-10", "p-11", "p-99")));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            Map<String, Object> verdict = run.verdict();
            assertThat(verdict).containsEntry("verified", false);
            assertThat((String) verdict.get("reason"))
                    .isEqualTo("list tenants: the fingerprint logged when it was frozen (line 8) is not that of its 6 "
                            + "listed residents");
        }

        @Test
        void aChangedSeedDoesNotMatchTheCommitment() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION,
                            "draw-1",
                            "organiser seed sealed 2025-02-03: amber herons",
                            ENTROPY,
                            SOURCE,
                            "draw-v1",
                            drawn.lists(),
                            drawn.drawn()));

            Map<String, Object> verdict = verify(export(events), "draw-1", null).verdict();

            assertThat(verdict).containsEntry("verified", false);
            assertThat((String) verdict.get("reason"))
                    .startsWith("the revealed seed does not match the commitment of DrawPlanned (line 3)");
        }

        @Test
        void reorderedInviteesDifferFromTheReRun() throws IOException {
            List<DrawnResident> reordered = new ArrayList<>(DRAWN);
            reordered.set(0, DRAWN.get(1));
            reordered.set(1, DRAWN.get(0));
            List<Event> events = replaced(
                    drawEvents(),
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION, "draw-1", SEED, ENTROPY, SOURCE, "draw-v1", drawn.lists(), reordered));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).isEqualTo(1);
            Map<String, Object> verdict = run.verdict();
            assertThat(verdict).containsEntry("verified", false).containsKey("expected");
            assertThat((String) verdict.get("reason"))
                    .isEqualTo("the drawn residents differ from the re-run at "
                            + "position 1: logged p-01 from electoral-roll, re-run p-08 from electoral-roll");
        }

        @Test
        void anInviteeSwappedForSomeoneElseIsFound() throws IOException {
            List<DrawnResident> swapped = new ArrayList<>(DRAWN);
            swapped.set(4, new DrawnResident("p-11", "tenants"));
            List<Event> events = replaced(
                    drawEvents(),
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION, "draw-1", SEED, ENTROPY, SOURCE, "draw-v1", drawn.lists(), swapped));

            assertThat((String) verify(export(events), null, null).verdict().get("reason"))
                    .contains("position 5: logged p-11 from tenants, re-run p-12 from tenants");
        }

        @Test
        void aDrawWithoutPublicEntropyIsNotVerified() throws IOException {
            for (String missing : new String[] {null, " "}) {
                List<Event> events = replaced(
                        drawEvents(),
                        8,
                        (ResidentsDrawn drawn) -> new ResidentsDrawn(
                                CONVENTION, "draw-1", SEED, missing, SOURCE, "draw-v1", drawn.lists(), drawn.drawn()));

                Run run = verify(export(events), "draw-1", null);

                assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
                assertThat(run.verdict()).containsEntry("verified", false);
                assertThat((String) run.verdict().get("reason")).startsWith("ResidentsDrawn logs no public entropy");
            }
        }

        @Test
        void theResidentsTheSeedAloneDrawsAreNotVerified() throws IOException {
            // what the organiser could have computed while the lists were open, knowing only the seed
            List<DrawnResident> seedAlone = ResidentDraw.draw(
                    Map.of("electoral-roll", ROLL, "tenants", TENANTS),
                    List.of(new ListQuota("electoral-roll", 3), new ListQuota("tenants", 2)),
                    0,
                    SEED);
            assertThat(seedAlone).isNotEqualTo(DRAWN);
            List<Event> events = replaced(
                    drawEvents(),
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION, "draw-1", SEED, ENTROPY, SOURCE, "draw-v1", drawn.lists(), seedAlone));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason")).startsWith("the drawn residents differ from the re-run");
        }

        @Test
        void anotherPublicEntropyThanTheDrawRanOnIsFound() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION,
                            "draw-1",
                            SEED,
                            "dice 4 rolled before Maître Durand",
                            SOURCE,
                            "draw-v1",
                            drawn.lists(),
                            drawn.drawn()));

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat(run.verdict()).containsKey("expected");
            assertThat((String) run.verdict().get("reason")).startsWith("the drawn residents differ from the re-run");
        }

        @Test
        void aChangedFingerprintInTheDrawIsFound() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    8,
                    (ResidentsDrawn drawn) -> new ResidentsDrawn(
                            CONVENTION,
                            "draw-1",
                            SEED,
                            ENTROPY,
                            SOURCE,
                            "draw-v1",
                            List.of(
                                    drawn.lists().get(0),
                                    new FrozenList("tenants", 6, ListFingerprint.of("tenants", List.of("p-07")))),
                            drawn.drawn()));

            assertThat((String) verify(export(events), null, null).verdict().get("reason"))
                    .isEqualTo("list tenants: the fingerprint in ResidentsDrawn (line 9) is not that of its 6 listed "
                            + "residents");
        }

        @Test
        void aChangedFingerprintAtTheFreezeIsFound() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    6,
                    (SourceListFrozen frozen) -> new SourceListFrozen(
                            CONVENTION, "electoral-roll", 8, ListFingerprint.of("electoral-roll", ROLL.subList(1, 8))));

            assertThat((String) verify(export(events), null, null).verdict().get("reason"))
                    .startsWith("list electoral-roll: the fingerprint logged when it was frozen (line 7)");
        }

        @Test
        void aSeedCommittedAfterAListWasFrozenIsRejected() throws IOException {
            List<Event> events = new ArrayList<>(drawEvents());
            Event plan = events.remove(2);
            events.add(6, plan); // after the electoral roll's freeze, before the tenants'

            Map<String, Object> verdict = verify(export(events), null, null).verdict();

            assertThat(verdict).containsEntry("verified", false);
            assertThat((String) verdict.get("reason"))
                    .isEqualTo("list electoral-roll was frozen (line 6) before the "
                            + "draw's seed was committed (DrawPlanned, line 7)");
        }

        @Test
        void residentsListedAfterTheFreezeAreFound() throws IOException {
            List<Event> events = new ArrayList<>(drawEvents());
            events.add(8, event(listed("tenants", 2, List.of("p-13")), "tenants"));

            assertThat((String) verify(export(events), null, null).verdict().get("reason"))
                    .isEqualTo("residents were listed on list tenants (line 9) after it was frozen (line 8)");
        }

        @Test
        void aDrawWithoutPlanOrPlannedTwiceIsRejected() throws IOException {
            List<Event> withoutPlan = new ArrayList<>(drawEvents());
            withoutPlan.remove(2);
            assertThat((String)
                            verify(export(withoutPlan), null, null).verdict().get("reason"))
                    .contains("no DrawPlanned");

            List<Event> plannedTwice = new ArrayList<>(drawEvents());
            plannedTwice.add(7, plannedTwice.get(2));
            assertThat((String)
                            verify(export(plannedTwice), null, null).verdict().get("reason"))
                    .isEqualTo("DrawPlanned appears 2 times (lines 3, 8)");
        }

        @Test
        void aDrawThatCannotBeReRunSaysWhy() throws IOException {
            List<Event> events = replaced(
                    drawEvents(),
                    2,
                    (DrawPlanned plan) -> new DrawPlanned(
                            CONVENTION,
                            "draw-1",
                            List.of(new ListQuota("electoral-roll", 3), new ListQuota("tenants", 6)),
                            0,
                            plan.seedCommitment(),
                            "draw-v1",
                            SOURCE));

            assertThat((String) verify(export(events), null, null).verdict().get("reason"))
                    .startsWith("the draw cannot be re-run: List tenants has");
        }
    }

    // ---- the panel -------------------------------------------------------------------------------

    /** Six volunteers; panels of three with one or two women and one or two men. */
    private static final List<String> VOLUNTEERS = List.of("p-01", "p-02", "p-03", "p-04", "p-05", "p-06");

    private static final List<String> GENDERS = List.of("F", "F", "M", "M", "F", "M");
    private static final String PANEL_SEED = "panel seed committed with the quotas";
    private static final String PANEL_ENTROPY = "dice 6 2 5 rolled at the town hall";
    private static final List<LotteryPanel> PANELS = List.of(
            new LotteryPanel(0.25, List.of("p-01", "p-03", "p-04")),
            new LotteryPanel(0.25, List.of("p-02", "p-05", "p-06")),
            new LotteryPanel(0.25, List.of("p-01", "p-02", "p-03")),
            new LotteryPanel(0.25, List.of("p-04", "p-05", "p-06")));

    private static List<Event> panelEvents() {
        List<Event> events = new ArrayList<>();
        events.add(event(
                new PanelSelectionDefined(
                        CONVENTION,
                        "sel-1",
                        3,
                        List.of(new QuotaRange("gender", "F", 1, 2), new QuotaRange("gender", "M", 1, 2)),
                        SeedCommitment.of(PANEL_SEED)),
                CONVENTION));
        for (int i = 0; i < VOLUNTEERS.size(); i++) {
            events.add(event(
                    new VolunteerRegistered(
                            CONVENTION,
                            "inv-" + (i + 1),
                            VOLUNTEERS.get(i),
                            Map.of("gender", GENDERS.get(i), "age", "30-44"),
                            null,
                            null),
                    CONVENTION));
        }
        List<SelectionChance> chances = IntStream.range(0, VOLUNTEERS.size())
                .mapToObj(i -> new SelectionChance(VOLUNTEERS.get(i), "inv-" + (i + 1), 0.5))
                .toList();
        events.add(
                event(new PanelLotteryComputed(CONVENTION, "sel-1", "leximin-v1", 0.5, chances, PANELS), CONVENTION));
        events.add(event(panelDrawn(PANEL_SEED, PANEL_ENTROPY), CONVENTION));
        return events;
    }

    /**
     * The panel draw the command side logs for {@code seed} and {@code publicEntropy}, by the {@link PanelDraw}
     * rule on their {@link SeedCommitment#drawRandomness combined randomness}.
     */
    private static PanelDrawn panelDrawn(String seed, String publicEntropy) {
        String randomness = SeedCommitment.drawRandomness(seed, publicEntropy);
        List<PanelLottery.Panel> panels = indexed(PANELS);
        PanelLottery lottery = new PanelLottery("leximin-v1", 3, panels, List.of(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), 0.5);
        int index = PanelDraw.drawIndex(lottery, randomness);
        List<Volunteer> pool = IntStream.range(0, VOLUNTEERS.size())
                .mapToObj(i -> new Volunteer(VOLUNTEERS.get(i), Map.of("gender", GENDERS.get(i))))
                .toList();
        List<String> reserve = PanelDraw.reserveOrder(pool, panels.get(index), randomness).stream()
                .map(VOLUNTEERS::get)
                .toList();
        return new PanelDrawn(
                CONVENTION,
                "sel-1",
                seed,
                publicEntropy,
                index,
                PANELS.get(index).personIds(),
                reserve);
    }

    /** Panels as pool indices, the volunteers numbered in the pool's order. */
    private static List<PanelLottery.Panel> indexed(List<LotteryPanel> panels) {
        return panels.stream()
                .map(p -> new PanelLottery.Panel(
                        p.personIds().stream().map(VOLUNTEERS::indexOf).sorted().toList(), p.probability()))
                .toList();
    }

    /** {@link #panelEvents} with the lottery's {@code panels} in a record (revision 2), attached or not. */
    private static List<Event> compactPanelEvents(List<LotteryPanel> panels, boolean attached) {
        byte[] record = LotteryRecord.encode(VOLUNTEERS.size(), 3, indexed(panels));
        PanelRecordRef ref =
                new PanelRecordRef(LotteryRecord.sha256(record), LotteryRecord.ENCODING, panels.size(), record.length);
        List<Event> events = new ArrayList<>(panelEvents());
        PanelLotteryComputed inline = (PanelLotteryComputed) events.get(LOTTERY).payload();
        PanelLotteryComputed compact =
                new PanelLotteryComputed(CONVENTION, "sel-1", "leximin-v2", 0.5, inline.chances(), List.of(), ref);
        events.set(LOTTERY, new Event(compact, CONVENTION, attached ? record : null));
        return events;
    }

    private static final int LOTTERY = 7;
    private static final int DRAW = 8;

    /**
     * Replacements from the reserve, re-run from the log: the drawn panel seated, then its one member of a
     * gender (the quotas keep one of each) leaves; the rule calls the first reserve volunteer of that gender
     * not sharing a household with anyone still on the panel.
     */
    @Nested
    class Replacements {

        private final PanelDrawn drawn = panelDrawn(PANEL_SEED, PANEL_ENTROPY);
        /** The panel's only member of their gender. */
        private final String leaver = drawn.selected().stream()
                .filter(p -> drawn.selected().stream()
                                .filter(q -> gender(q).equals(gender(p)))
                                .count()
                        == 1)
                .findFirst()
                .orElseThrow();
        /** The reserve volunteers of the leaver's gender, in reserve order: the first is called. */
        private final List<String> sameGender = drawn.reserve().stream()
                .filter(p -> gender(p).equals(gender(leaver)))
                .toList();

        private static String gender(String person) {
            return GENDERS.get(VOLUNTEERS.indexOf(person));
        }

        private List<Event> leftAndReplacedBy(List<Event> events, String replacement) {
            List<Event> more = new ArrayList<>(events);
            for (String person : drawn.selected()) {
                more.add(event(
                        new MemberSeated(
                                CONVENTION,
                                "m-" + person,
                                "inv-" + (VOLUNTEERS.indexOf(person) + 1),
                                Transition.SOCIAL,
                                "contract-v1",
                                LocalDate.of(2025, 4, 1)),
                        CONVENTION));
            }
            more.add(event(
                    new MemberWithdrew(
                            CONVENTION, "m-" + leaver, WithdrawalReason.MOVED_AWAY, LocalDate.of(2025, 5, 1)),
                    CONVENTION));
            more.add(event(
                    new ReplacementCalled(
                            CONVENTION,
                            "sel-1",
                            "m-" + leaver,
                            replacement,
                            "inv-" + (VOLUNTEERS.indexOf(replacement) + 1)),
                    CONVENTION));
            return more;
        }

        /**
         * The first reserve volunteer of the leaver's gender registered in the household of a member who
         * still sits, chosen among those no panel of the lottery seats with them (the lottery stays valid).
         */
        private List<Event> firstSameGenderHousemateOfASittingMember() {
            String first = sameGender.get(0);
            String sitting = drawn.selected().stream()
                    .filter(p -> !p.equals(leaver))
                    .filter(p ->
                            PANELS.stream().noneMatch(panel -> panel.personIds().containsAll(List.of(p, first))))
                    .findFirst()
                    .orElseThrow();
            List<Event> events = new ArrayList<>(panelEvents());
            housemates(events, VOLUNTEERS.indexOf(first) + 1, VOLUNTEERS.indexOf(sitting) + 1);
            return events;
        }

        @Test
        void theReplacementTheRuleCallsIsVerified() throws IOException {
            Run run = verify(export(leftAndReplacedBy(panelEvents(), sameGender.get(0))), null, "sel-1");

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat((String) run.verdict().get("reason"))
                    .endsWith("; the 1 replacement(s) called are the ones the rule calls");
        }

        @Test
        void aReplacementOverrunningAQuotaIsFound() throws IOException {
            String otherGender = drawn.reserve().stream()
                    .filter(p -> !gender(p).equals(gender(leaver)))
                    .findFirst()
                    .orElseThrow();

            Run run = verify(export(leftAndReplacedBy(panelEvents(), otherGender)), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason"))
                    .isEqualTo("line 14 calls " + otherGender + " to replace m-" + leaver + "; the rule (quotas, one"
                            + " member per household, reserve order) calls " + sameGender.get(0));
        }

        /** The first of the leaver's gender in the reserve lives with a member who sits: the next is called. */
        @Test
        void aHousemateOfASittingMemberCalledAsReplacementIsFound() throws IOException {
            List<Event> households = firstSameGenderHousemateOfASittingMember();

            Run housemate = verify(export(leftAndReplacedBy(households, sameGender.get(0))), null, "sel-1");
            assertThat(housemate.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) housemate.verdict().get("reason"))
                    .startsWith("line 14 calls " + sameGender.get(0) + " to replace m-" + leaver)
                    .endsWith(" calls " + (sameGender.size() > 1 ? sameGender.get(1) : "nobody"));

            if (sameGender.size() > 1) {
                assertThat(verify(export(leftAndReplacedBy(households, sameGender.get(1))), null, "sel-1")
                                .exitCode())
                        .isZero();
            }
        }
    }

    /** ADR-010: the panels in a record the export attaches, bound to the log by the SHA-256 the event names. */
    @Nested
    class CompactLotteries {

        @Test
        void aLotteryWhosePanelsAreInTheAttachedRecordIsVerified() throws IOException {
            Run run = verify(export(compactPanelEvents(PANELS, true)), null, "sel-1");

            assertThat(run.exitCode()).as(run.out()).isZero();
            PanelDrawn drawn = panelDrawn(PANEL_SEED, PANEL_ENTROPY);
            assertThat(run.verdict())
                    .containsEntry("verified", true)
                    .containsEntry("panelIndex", drawn.panelIndex())
                    .containsEntry("selected", drawn.selected());
        }

        /** The operator dropped the record from the store (or the export): nothing to check the panels with. */
        @Test
        void aDroppedRecordIsFound() throws IOException {
            Run run = verify(export(compactPanelEvents(PANELS, false)), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason"))
                    .startsWith("the lottery's panel record (SHA-256 ")
                    .contains(") is missing from the export (line 8 has no \"panelRecord\"): its panels cannot be "
                            + "checked. An export of an Axon Server deployment carries no records (ADR-010)")
                    .endsWith("--panel-record FILE");
        }

        /**
         * An export of an Axon Server deployment attaches no record: the garant gives it beside the export, as
         * the command side serves it. Another record given there (any file name) is not taken for it.
         */
        @Test
        void aRecordGivenBesideTheExportIsCheckedLikeAnAttachedOne() throws IOException {
            Path export = export(compactPanelEvents(PANELS, false));
            Path record = dir.resolve("from-the-command-side.bin");
            Files.write(record, LotteryRecord.encode(VOLUNTEERS.size(), 3, indexed(PANELS)));
            List<LotteryPanel> others = List.of(
                    new LotteryPanel(0.5, List.of("p-02", "p-03", "p-04")),
                    new LotteryPanel(0.5, List.of("p-01", "p-05", "p-06")));
            Path other = dir.resolve("other.bin");
            Files.write(other, LotteryRecord.encode(VOLUNTEERS.size(), 3, indexed(others)));

            Run run = verify(export, null, "sel-1", List.of(other, record));

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.verdict())
                    .containsEntry("verified", true)
                    .containsEntry(
                            "panelIndex", panelDrawn(PANEL_SEED, PANEL_ENTROPY).panelIndex());
            Run withTheOtherOnly = verify(export, null, "sel-1", List.of(other));
            assertThat(withTheOtherOnly.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) withTheOtherOnly.verdict().get("reason")).contains("is missing from the export");
            assertThat(verify(export, null, "sel-1", List.of(dir.resolve("absent.bin")))
                            .exitCode())
                    .isEqualTo(DrawVerification.UNREADABLE);
        }

        /** The operator put other panels in the store: equally valid ones, which would draw another panel. */
        @Test
        void anAlteredRecordIsFound() throws IOException {
            List<LotteryPanel> others = List.of(
                    new LotteryPanel(0.25, List.of("p-02", "p-03", "p-04")),
                    new LotteryPanel(0.25, List.of("p-01", "p-05", "p-06")),
                    new LotteryPanel(0.25, List.of("p-01", "p-02", "p-03")),
                    new LotteryPanel(0.25, List.of("p-04", "p-05", "p-06")));
            byte[] altered = LotteryRecord.encode(VOLUNTEERS.size(), 3, indexed(others));
            List<Event> events = new ArrayList<>(compactPanelEvents(PANELS, true));
            events.set(LOTTERY, new Event(events.get(LOTTERY).payload(), CONVENTION, altered));

            Run run = verify(export(events), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason"))
                    .isEqualTo("the panel record attached to line 8 has SHA-256 " + LotteryRecord.sha256(altered)
                            + ", the log names "
                            + LotteryRecord.sha256(LotteryRecord.encode(VOLUNTEERS.size(), 3, indexed(PANELS)))
                            + ": the record is not the one the lottery published");
        }

        /** A record that matches its hash is checked panel by panel, as inline panels are. */
        @Test
        void aRecordedPanelOutsideTheQuotasIsFound() throws IOException {
            List<LotteryPanel> threeWomen = new ArrayList<>(PANELS);
            threeWomen.set(1, new LotteryPanel(0.25, List.of("p-01", "p-02", "p-05")));

            assertThat((String) verify(export(compactPanelEvents(threeWomen, true)), null, "sel-1")
                            .verdict()
                            .get("reason"))
                    .isEqualTo("panel 1 seats 3 with gender = F, the quota is 1 to 2");
        }

        /** p-01 and p-03 registered as housemates: the first panel seats both. */
        @Test
        void aPanelSeatingTwoVolunteersOfOneHouseholdIsFound() throws IOException {
            List<Event> events = new ArrayList<>(compactPanelEvents(PANELS, true));
            housemates(events, 1, 3);

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .isEqualTo("panel 0 seats p-01 and p-03, of one household");
        }

        /** The probabilities in the event are those the recorded panels give. */
        @Test
        void aPublishedChanceThatTheRecordedPanelsDoNotGiveIsFound() throws IOException {
            List<LotteryPanel> skewed = new ArrayList<>(PANELS);
            skewed.set(0, new LotteryPanel(0.35, PANELS.get(0).personIds()));
            skewed.set(1, new LotteryPanel(0.15, PANELS.get(1).personIds()));

            assertThat((String) verify(export(compactPanelEvents(skewed, true)), null, "sel-1")
                            .verdict()
                            .get("reason"))
                    .isEqualTo("the published chance of p-01 is 0.5, the panels holding them add up to 0.6");
        }
    }

    @Nested
    class Panels {

        @Test
        void anUntouchedPanelDrawIsVerified() throws IOException {
            Run run = verify(export(panelEvents()), null, "sel-1");

            assertThat(run.exitCode()).as(run.out()).isZero();
            Map<String, Object> verdict = run.verdict();
            PanelDrawn drawn = panelDrawn(PANEL_SEED, PANEL_ENTROPY);
            assertThat(verdict)
                    .containsEntry("selection", "sel-1")
                    .containsEntry("verified", true)
                    .containsEntry("panelIndex", drawn.panelIndex())
                    .containsEntry("selected", drawn.selected())
                    .containsEntry("reserve", drawn.reserve());
        }

        /** Quotas fitted to the answers: the selection logged after the invitations closed. */
        @Test
        void aSelectionDefinedAfterTheInvitationsClosedIsNotVerified() throws IOException {
            List<Event> events = new ArrayList<>(panelEvents());
            events.add(0, event(new InvitationsClosed(CONVENTION, LocalDate.of(2025, 4, 1), 0), CONVENTION));

            Run run = verify(export(events), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason"))
                    .isEqualTo("the selection was defined (line 2) after the "
                            + "invitations closed (line 1): it could be fitted to the answers");
        }

        @Test
        void drawsAndPanelsOfOneExportAreAllVerified() throws IOException {
            List<Event> events = new ArrayList<>(drawEvents());
            events.addAll(panelEvents());

            Run run = verify(export(events), null, null);

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.verdicts()).extracting(v -> v.get("verified")).containsExactly(true, true);
        }

        @Test
        void aLotteryNotDrawnYetIsCheckedAsFarAsItGoes() throws IOException {
            List<Event> events = new ArrayList<>(panelEvents());
            events.remove(DRAW);

            Run run = verify(export(events), null, "sel-1");

            assertThat(run.exitCode()).isZero();
            assertThat(run.verdict()).containsEntry("verified", true).containsEntry("panelIndex", null);
        }

        @Test
        void anotherSeedDoesNotMatchTheCommitment() throws IOException {
            List<Event> events =
                    replaced(panelEvents(), DRAW, (PanelDrawn drawn) -> panelDrawn("another seed", PANEL_ENTROPY));

            Run run = verify(export(events), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat((String) run.verdict().get("reason")).contains("seed does not match");
        }

        @Test
        void aPanelDrawnWithoutPublicEntropyIsNotVerified() throws IOException {
            List<Event> events = replaced(
                    panelEvents(),
                    DRAW,
                    (PanelDrawn drawn) -> new PanelDrawn(
                            CONVENTION,
                            "sel-1",
                            PANEL_SEED,
                            null,
                            drawn.panelIndex(),
                            drawn.selected(),
                            drawn.reserve()));

            Run run = verify(export(events), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason")).startsWith("PanelDrawn logs no public entropy");
        }

        @Test
        void anotherPublicEntropyThanThePanelWasDrawnWithIsFound() throws IOException {
            PanelDrawn logged = panelDrawn(PANEL_SEED, PANEL_ENTROPY);
            // with four panels and six volunteers, another entropy picks another panel or reserve order
            String other = IntStream.rangeClosed(1, 6)
                    .mapToObj(d -> "dice " + d + " rolled at the town hall")
                    .filter(e -> {
                        PanelDrawn redrawn = panelDrawn(PANEL_SEED, e);
                        return redrawn.panelIndex() != logged.panelIndex()
                                || !redrawn.reserve().equals(logged.reserve());
                    })
                    .findFirst()
                    .orElseThrow();
            List<Event> events = replaced(
                    panelEvents(),
                    DRAW,
                    (PanelDrawn drawn) -> new PanelDrawn(
                            CONVENTION,
                            "sel-1",
                            PANEL_SEED,
                            other,
                            drawn.panelIndex(),
                            drawn.selected(),
                            drawn.reserve()));

            Run run = verify(export(events), null, "sel-1");

            assertThat(run.exitCode()).isEqualTo(DrawVerification.NOT_VERIFIED);
            assertThat((String) run.verdict().get("reason"))
                    .containsAnyOf(
                            "the seed and the public entropy pick panel",
                            "the order the seed and the public entropy give");
        }

        @Test
        void anotherPanelThanTheSeedAndEntropyPickIsFound() throws IOException {
            List<Event> events = replaced(
                    panelEvents(),
                    DRAW,
                    (PanelDrawn drawn) -> new PanelDrawn(
                            CONVENTION,
                            "sel-1",
                            PANEL_SEED,
                            PANEL_ENTROPY,
                            (drawn.panelIndex() + 1) % 4,
                            PANELS.get((drawn.panelIndex() + 1) % 4).personIds(),
                            drawn.reserve()));

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .contains("is logged as drawn, the seed and the public entropy pick panel");
        }

        @Test
        void aReorderedReserveIsFound() throws IOException {
            List<Event> events = replaced(panelEvents(), DRAW, (PanelDrawn drawn) -> {
                List<String> reversed = new ArrayList<>(drawn.reserve());
                Collections.reverse(reversed);
                return new PanelDrawn(
                        CONVENTION, "sel-1", PANEL_SEED, PANEL_ENTROPY, drawn.panelIndex(), drawn.selected(), reversed);
            });

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .startsWith("the reserve is not in the order the seed and the public entropy give");
        }

        @Test
        void aPanelOutsideTheQuotasIsFound() throws IOException {
            List<LotteryPanel> panels = new ArrayList<>(PANELS);
            panels.set(2, new LotteryPanel(0.25, List.of("p-01", "p-02", "p-05"))); // three women
            List<Event> events = replaced(
                    panelEvents(),
                    LOTTERY,
                    (PanelLotteryComputed lottery) -> new PanelLotteryComputed(
                            CONVENTION, "sel-1", "leximin-v1", 0.25, lottery.chances(), panels));

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .isEqualTo("panel 2 seats 3 with gender = F, the quota is 1 to 2");
        }

        @Test
        void probabilitiesThatDoNotAddUpAreFound() throws IOException {
            List<LotteryPanel> panels = new ArrayList<>(PANELS);
            panels.set(3, new LotteryPanel(0.2, PANELS.get(3).personIds()));
            List<Event> events = replaced(
                    panelEvents(),
                    LOTTERY,
                    (PanelLotteryComputed lottery) -> new PanelLotteryComputed(
                            CONVENTION, "sel-1", "leximin-v1", 0.5, lottery.chances(), panels));

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .startsWith("the panels' probabilities add up to 0.95");
        }

        @Test
        void aPublishedChanceThatThePanelsDoNotGiveIsFound() throws IOException {
            List<Event> events = replaced(panelEvents(), LOTTERY, (PanelLotteryComputed lottery) -> {
                List<SelectionChance> chances = new ArrayList<>(lottery.chances());
                chances.set(3, new SelectionChance("p-04", "inv-4", 0.6));
                return new PanelLotteryComputed(CONVENTION, "sel-1", "leximin-v1", 0.5, chances, lottery.panels());
            });

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .isEqualTo("the published chance of p-04 is 0.6, the panels holding them add up to 0.5");
        }

        @Test
        void aVolunteerLeftOutOfThePoolIsFound() throws IOException {
            List<Event> events = new ArrayList<>(panelEvents());
            events.add(
                    LOTTERY,
                    event(
                            new VolunteerRegistered(CONVENTION, "inv-7", "p-07", Map.of("gender", "F"), null, null),
                            CONVENTION));

            assertThat((String) verify(export(events), null, "sel-1").verdict().get("reason"))
                    .isEqualTo("volunteer p-07, registered before the lottery, is not in its pool");
        }
    }

    @Nested
    class UnreadableOrNothingToVerify {

        @Test
        void aMissingFileOrOption() throws IOException {
            assertThat(verify(dir.resolve("none.jsonl"), null, null).err()).contains("no such file");
            assertThat(verify(dir.resolve("none.jsonl"), null, null).exitCode()).isEqualTo(DrawVerification.UNREADABLE);
            assertThat(verify(null, null, null).exitCode()).isEqualTo(2);
        }

        @Test
        void aMalformedLineOrPayload() throws IOException {
            Path export = export(drawEvents());
            List<String> lines = new ArrayList<>(Files.readAllLines(export));
            lines.set(3, lines.get(3).replace("\"residents\\\":[", "\"residents\\\":{"));
            Files.write(export, lines);

            Run run = verify(export, null, null);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("line 4: the ResidentsListed payload is not readable");

            Files.writeString(export, "{\"payloadType\":\"x\"\n");
            assertThat(verify(export, null, null).err()).contains("line 1: not valid JSON");
        }

        @Test
        void anUnknownOrPendingDraw() throws IOException {
            assertThat(verify(export(drawEvents()), "draw-9", null).exitCode()).isEqualTo(2);

            List<Event> pending = new ArrayList<>(drawEvents());
            pending.remove(8);
            Run run = verify(export(pending), "draw-1", null);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("not drawn");
        }

        @Test
        void anExportWithoutDraws() throws IOException {
            Run run = verify(export(List.of(drawEvents().get(0))), null, null);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no draw or panel selection");
        }
    }

    /** The volunteers registered at these positions of the log, registered again as one household. */
    private static void housemates(List<Event> events, int... positions) {
        for (int at : positions) {
            VolunteerRegistered v = (VolunteerRegistered) events.get(at).payload();
            events.set(
                    at,
                    event(
                            new VolunteerRegistered(
                                    CONVENTION,
                                    v.invitationId(),
                                    v.personId(),
                                    v.profile(),
                                    null,
                                    null,
                                    "h-0123456789abcdef01234567"),
                            CONVENTION));
        }
    }
}
