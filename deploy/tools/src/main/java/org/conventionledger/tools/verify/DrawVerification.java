package org.conventionledger.tools.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.DrawnResidentNotInvited;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
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
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.rules.selection.Category;
import org.conventionledger.rules.selection.LotteryRecord;
import org.conventionledger.rules.selection.PanelDraw;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.selection.Quotas;
import org.conventionledger.rules.selection.ValueQuota;
import org.conventionledger.rules.selection.Volunteer;
import org.conventionledger.rules.sortition.InvalidDrawException;
import org.conventionledger.rules.sortition.ListFingerprint;
import org.conventionledger.rules.sortition.ResidentDraw;
import org.conventionledger.rules.sortition.SeedCommitment;

/**
 * {@code ledger verify-draw --export FILE [--draw DRAW_ID] [--selection SELECTION_ID]}: a garant's
 * independent check, from an export of the log alone, that the residents drawn by lot and the panel
 * drawn from the volunteers are what the published rules give, with the very classes the ledger draws
 * with ({@link ResidentDraw}, {@link ListFingerprint}, {@link SeedCommitment}, {@link PanelDraw}).
 *
 * <p>Every draw runs on two-party randomness, {@link SeedCommitment#drawRandomness}: the seed committed in
 * advance, then {@code "|"}, then the public entropy drawn at the draw itself (dice before a bailiff),
 * both logged in {@code ResidentsDrawn} and {@code PanelDrawn}. The seed is checked against its
 * commitment, and the draw is re-run on {@code seed + "|" + publicEntropy}, never on the seed alone:
 * the organiser knew the seed while the lists were open, so a draw without public entropy is not
 * verified.
 *
 * <p>The export is the JSON Lines of {@code GET /api/audit/export} (see {@link LogVerification}); only
 * each line's {@code payloadType} and {@code payload} are read here, and the file's line order is the
 * log's order. Whether the export itself is the ledger's untouched log is {@code verify-log}'s job.
 *
 * <p>For a draw of residents ({@code DrawPlanned} … {@code ResidentsDrawn}), in this order, the first
 * failed check being the reason:
 * <ol>
 *   <li>the draw was planned once and drawn once, after its plan, with algorithm
 *   {@value ResidentDraw#ALGORITHM};</li>
 *   <li>the revealed seed matches the plan's seed commitment, and public entropy (non-blank, at most
 *   {@value SeedCommitment#MAX_SEED_LENGTH} characters) is logged beside it;</li>
 *   <li>each list of the plan was frozen once, after the plan (the seed was committed before the list
 *   was final) and before the draw, and nobody was listed on it after;</li>
 *   <li>each list's fingerprint, recomputed from the person ids of its {@code ResidentsListed} events,
 *   equals the one logged by {@code SourceListFrozen} and the one in {@code ResidentsDrawn}, which names
 *   the plan's lists in the plan's order;</li>
 *   <li>re-running {@link ResidentDraw} on {@code seed + "|" + publicEntropy} gives the logged drawn
 *   residents, in the same order;</li>
 *   <li>the draw names the public entropy's source the plan committed to (a plan logged before that
 *   commitment existed gives the warning "source not committed", not a failure);</li>
 *   <li>once the convention's invitations are closed, every drawn resident was invited
 *   ({@code InvitationSent}) or logged as not invited with a reason ({@code DrawnResidentNotInvited});
 *   the others are listed in {@code "unaccounted"} (only a warning while the invitations are open).</li>
 * </ol>
 * The seed's and the source's commitment coming before the freeze is check 3.
 * For a panel selection ({@code PanelSelectionDefined}, {@code PanelLotteryComputed}, {@code PanelDrawn}):
 * it was defined, computed and drawn at most once each, in that order, and defined before the convention's
 * invitations closed; the lottery's pool is exactly the
 * convention's volunteers registered before it; a lottery whose panels are in a record (ADR-010) has that
 * record attached to its line ({@code "panelRecord"}, base64), with the SHA-256 the event names; every
 * panel has the panel size, distinct members, meets
 * every quota (profiles from {@code VolunteerRegistered}) and seats at most one volunteer per household;
 * the panels' probabilities are not negative and
 * add up to 1, each volunteer's published chance is the sum of the probabilities of the panels that hold
 * them and the published minimum is the smallest chance (all within {@value #TOLERANCE}); once drawn, the
 * revealed seed matches the commitment, public entropy is logged beside it, and the drawn panel, its
 * members and the reserve order are the ones {@link PanelDraw} picks with {@code seed + "|" + publicEntropy};
 * and each {@code ReplacementCalled}, replayed with the seatings and departures logged before it, names the
 * volunteer {@link PanelDraw#replacement} calls (quotas, one member per household, reserve order). A lottery
 * whose record the export does not attach (Axon Server) takes it from {@code --panel-record FILE}.
 * A lottery not drawn yet is checked as far as it goes.
 *
 * <p>Prints one JSON line per draw, {@code {"convention","draw","verified","reason","drawn":[{"personId",
 * "listId"}…],"unaccounted":[…],"warnings":[…]}} ({@code drawn} as logged, plus {@code "expected"} when the
 * re-run gives others), then one
 * per panel selection, {@code {"convention","selection","verified","reason","panelIndex","selected",
 * "reserve"}}. Exits {@link #VERIFIED} when all verify, {@link #NOT_VERIFIED} when any does not, and
 * {@link #UNREADABLE} after a message on stderr when the file cannot be read, a recruitment payload is
 * malformed, or there is nothing to verify (no such draw or selection, or not drawn yet).
 */
public final class DrawVerification {

    public static final int VERIFIED = 0;
    public static final int NOT_VERIFIED = 1;
    public static final int UNREADABLE = 2;
    /** How far published probabilities may be from their recomputation: they are rounded doubles. */
    public static final double TOLERANCE = 1e-6;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // payloads may carry fields this tool does not need; none of the checked ones may be missing
    private static final ObjectMapper PAYLOADS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<Class<?>> EVENTS = List.of(
            ResidentsListed.class,
            SourceListFrozen.class,
            DrawPlanned.class,
            ResidentsDrawn.class,
            VolunteerRegistered.class,
            PanelSelectionDefined.class,
            PanelLotteryComputed.class,
            PanelDrawn.class,
            InvitationSent.class,
            DrawnResidentNotInvited.class,
            InvitationsClosed.class,
            MemberSeated.class,
            MemberWithdrew.class,
            MembershipLost.class,
            ReplacementCalled.class);

    private DrawVerification() {}

    /** An event of the export and the line it is on: its place in the log's order. */
    record Logged<T>(int line, T event) {}

    /** A draw, list or selection id within its convention. */
    record Key(String conventionId, String id) {}

    /** The recruitment events of an export, by draw, list, selection or convention, in log order. */
    static final class Log {
        final Map<Key, List<Logged<ResidentsListed>>> listed = new HashMap<>();
        final Map<Key, List<Logged<SourceListFrozen>>> frozen = new HashMap<>();
        final Map<Key, List<Logged<DrawPlanned>>> plans = new LinkedHashMap<>();
        final Map<Key, List<Logged<ResidentsDrawn>>> draws = new LinkedHashMap<>();
        final Map<String, List<Logged<VolunteerRegistered>>> volunteers = new HashMap<>();
        final Map<Key, List<Logged<PanelSelectionDefined>>> selections = new LinkedHashMap<>();
        final Map<Key, List<Logged<PanelLotteryComputed>>> lotteries = new HashMap<>();
        final Map<Key, List<Logged<PanelDrawn>>> panels = new HashMap<>();
        final Map<String, Set<String>> invited = new HashMap<>();
        final Map<String, Set<String>> notInvited = new HashMap<>();
        final Map<String, Integer> closedAt = new HashMap<>();
        /** The panel records the export attaches to its lines (ADR-010), by line. */
        final Map<Integer, byte[]> records = new HashMap<>();
        /** The panel records given beside the export ({@code --panel-record}), by their SHA-256. */
        final Map<String, byte[]> supplied = new HashMap<>();
        /** Seatings, departures and replacements, by convention, in log order. */
        final Map<String, List<Logged<Object>>> membership = new HashMap<>();

        private static <K, T> void add(Map<K, List<Logged<T>>> map, K key, int line, T event) {
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(new Logged<>(line, event));
        }

        void add(int line, Object event) {
            if (event instanceof ResidentsListed e) {
                add(listed, new Key(e.conventionId(), e.listId()), line, e);
            } else if (event instanceof SourceListFrozen e) {
                add(frozen, new Key(e.conventionId(), e.listId()), line, e);
            } else if (event instanceof DrawPlanned e) {
                add(plans, new Key(e.conventionId(), e.drawId()), line, e);
            } else if (event instanceof ResidentsDrawn e) {
                add(draws, new Key(e.conventionId(), e.drawId()), line, e);
            } else if (event instanceof VolunteerRegistered e) {
                add(volunteers, e.conventionId(), line, e);
            } else if (event instanceof PanelSelectionDefined e) {
                add(selections, new Key(e.conventionId(), e.selectionId()), line, e);
            } else if (event instanceof PanelLotteryComputed e) {
                add(lotteries, new Key(e.conventionId(), e.selectionId()), line, e);
            } else if (event instanceof PanelDrawn e) {
                add(panels, new Key(e.conventionId(), e.selectionId()), line, e);
            } else if (event instanceof InvitationSent e) {
                invited.computeIfAbsent(e.conventionId(), k -> new HashSet<>()).add(e.residentRef());
            } else if (event instanceof DrawnResidentNotInvited e) {
                notInvited
                        .computeIfAbsent(e.conventionId(), k -> new HashSet<>())
                        .add(e.residentRef());
            } else if (event instanceof InvitationsClosed e) {
                closedAt.putIfAbsent(e.conventionId(), line);
            } else if (event instanceof MemberSeated e) {
                add(membership, e.conventionId(), line, event);
            } else if (event instanceof MemberWithdrew e) {
                add(membership, e.conventionId(), line, event);
            } else if (event instanceof MembershipLost e) {
                add(membership, e.conventionId(), line, event);
            } else if (event instanceof ReplacementCalled e) {
                add(membership, e.conventionId(), line, event);
            }
        }

        /** The draws, planned or drawn, in the order they first appear. */
        Set<Key> drawKeys() {
            Set<Key> keys = new LinkedHashSet<>(plans.keySet());
            keys.addAll(draws.keySet());
            return keys;
        }
    }

    /**
     * The verdict on one draw of residents; {@code unaccounted} are the drawn residents neither invited nor
     * logged as not invited, {@code warnings} what holds the verdict short of the full guarantee.
     */
    record DrawVerdict(
            Key draw,
            boolean verified,
            String reason,
            List<DrawnResident> drawn,
            List<DrawnResident> expected,
            List<String> unaccounted,
            List<String> warnings) {

        DrawVerdict(
                Key draw, boolean verified, String reason, List<DrawnResident> drawn, List<DrawnResident> expected) {
            this(draw, verified, reason, drawn, expected, List.of(), List.of());
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("convention", draw.conventionId());
            json.put("draw", draw.id());
            json.put("verified", verified);
            json.put("reason", reason);
            json.put("drawn", residents(drawn));
            if (expected != null && !expected.equals(drawn)) {
                json.put("expected", residents(expected));
            }
            json.put("unaccounted", unaccounted);
            json.put("warnings", warnings);
            return json;
        }

        private static List<Map<String, String>> residents(List<DrawnResident> residents) {
            return residents.stream()
                    .map(r -> {
                        Map<String, String> resident = new LinkedHashMap<>();
                        resident.put("personId", r.personId());
                        resident.put("listId", r.listId());
                        return resident;
                    })
                    .toList();
        }
    }

    /** The verdict on one panel selection; the drawn panel is null until it is drawn. */
    record PanelVerdict(Key selection, boolean verified, String reason, PanelDrawn drawn) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("convention", selection.conventionId());
            json.put("selection", selection.id());
            json.put("verified", verified);
            json.put("reason", reason);
            json.put("panelIndex", drawn == null ? null : drawn.panelIndex());
            json.put("selected", drawn == null ? List.of() : drawn.selected());
            json.put("reserve", drawn == null ? List.of() : drawn.reserve());
            return json;
        }
    }

    /**
     * Verifies the draws and panel selections of {@code export} (only {@code drawId} and
     * {@code selectionId} when either is given) and prints the verdicts.
     *
     * @return the exit code
     */
    public static int run(String export, String drawId, String selectionId, PrintStream out, PrintStream err) {
        return run(export, drawId, selectionId, List.of(), out, err);
    }

    /**
     * {@link #run(String, String, String, PrintStream, PrintStream)}, with panel records the export does not
     * attach (an export of an Axon Server deployment, ADR-010) read from {@code panelRecords}: each is used
     * for the lottery that names its SHA-256, whatever the file is called; a record the export attaches
     * comes first.
     */
    public static int run(
            String export,
            String drawId,
            String selectionId,
            List<String> panelRecords,
            PrintStream out,
            PrintStream err) {
        if (export == null || export.isBlank()) {
            err.println("ledger verify-draw: --export FILE is required");
            return UNREADABLE;
        }
        Log log;
        try {
            log = read(Path.of(export));
        } catch (Unreadable | IOException e) {
            err.println("ledger verify-draw: " + export + ": " + message(e));
            return UNREADABLE;
        }
        for (String file : panelRecords) {
            try {
                byte[] record = Files.readAllBytes(Path.of(file));
                log.supplied.put(LotteryRecord.sha256(record), record);
            } catch (IOException e) {
                err.println("ledger verify-draw: " + file + ": " + message(e));
                return UNREADABLE;
            }
        }
        boolean all = drawId == null && selectionId == null;
        List<Map<String, Object>> verdicts = new ArrayList<>();
        boolean allVerified = true;
        List<Key> draws = all ? List.copyOf(log.drawKeys()) : selected(log.drawKeys(), drawId);
        if (drawId != null && draws.isEmpty()) {
            err.println("ledger verify-draw: no draw " + drawId + " in " + export);
            return UNREADABLE;
        }
        for (Key draw : draws) {
            if (!log.draws.containsKey(draw)) {
                err.println("ledger verify-draw: draw " + draw.id() + " is planned but not drawn in this export: "
                        + "nothing to verify yet");
                if (!all) {
                    return UNREADABLE;
                }
                continue;
            }
            DrawVerdict verdict = verifyDraw(log, draw);
            allVerified &= verdict.verified();
            verdicts.add(verdict.json());
        }
        List<Key> selections =
                all ? List.copyOf(log.selections.keySet()) : selected(log.selections.keySet(), selectionId);
        if (selectionId != null && selections.isEmpty()) {
            err.println("ledger verify-draw: no panel selection " + selectionId + " in " + export);
            return UNREADABLE;
        }
        for (Key selection : selections) {
            if (!log.lotteries.containsKey(selection)) {
                err.println("ledger verify-draw: panel selection " + selection.id() + " has no lottery in this "
                        + "export: nothing to verify yet");
                if (!all) {
                    return UNREADABLE;
                }
                continue;
            }
            PanelVerdict verdict = verifySelection(log, selection);
            allVerified &= verdict.verified();
            verdicts.add(verdict.json());
        }
        if (verdicts.isEmpty()) {
            err.println("ledger verify-draw: " + export + " holds no draw or panel selection to verify");
            return UNREADABLE;
        }
        try {
            for (Map<String, Object> verdict : verdicts) {
                out.println(JSON.writeValueAsString(verdict));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return allVerified ? VERIFIED : NOT_VERIFIED;
    }

    private static List<Key> selected(Collection<Key> keys, String id) {
        return id == null
                ? List.of()
                : keys.stream().filter(key -> key.id().equals(id)).toList();
    }

    // ---- draws of residents ----------------------------------------------------------------------

    /** A check that failed, and why. */
    private static final class Fails extends Exception {

        Fails(String reason) {
            // a verdict, not a fault: no stack trace to fill
            super(reason, null, false, false);
        }
    }

    static DrawVerdict verifyDraw(Log log, Key key) {
        List<Logged<ResidentsDrawn>> draws = log.draws.get(key);
        ResidentsDrawn result = draws.get(0).event();
        List<DrawnResident> expected = null;
        try {
            once(draws, "ResidentsDrawn");
            Logged<DrawPlanned> plan = once(log.plans.getOrDefault(key, List.of()), "DrawPlanned");
            if (plan == null) {
                throw new Fails("no DrawPlanned for this draw: its seed was never committed");
            }
            DrawPlanned planned = plan.event();
            int drawnAt = draws.get(0).line();
            if (drawnAt < plan.line()) {
                throw new Fails(
                        "ResidentsDrawn (line " + drawnAt + ") comes before DrawPlanned (line " + plan.line() + ")");
            }
            if (!ResidentDraw.ALGORITHM.equals(planned.algorithm())
                    || !ResidentDraw.ALGORITHM.equals(result.algorithm())) {
                throw new Fails("the draw uses algorithm " + planned.algorithm() + "/" + result.algorithm()
                        + ", this tool re-runs " + ResidentDraw.ALGORITHM);
            }
            List<String> warnings = new ArrayList<>();
            if (planned.publicEntropySource() == null) {
                warnings.add("source not committed: DrawPlanned (line " + plan.line() + ") predates the commitment "
                        + "to the public entropy's source, so the entropy could have been chosen after the lists");
            } else if (!planned.publicEntropySource().equals(result.publicEntropySource())) {
                throw new Fails("the public entropy is declared from \"" + result.publicEntropySource()
                        + "\", DrawPlanned (line " + plan.line() + ") committed to \"" + planned.publicEntropySource()
                        + "\"");
            }
            if (!SeedCommitment.matches(result.seed(), planned.seedCommitment())) {
                throw new Fails("the revealed seed does not match the commitment of DrawPlanned (line " + plan.line()
                        + "): SHA-256 of the seed is "
                        + (SeedCommitment.isValidSeed(result.seed())
                                ? SeedCommitment.of(result.seed())
                                : "undefined (invalid seed)")
                        + ", committed " + planned.seedCommitment());
            }
            String randomness = randomness(result.seed(), result.publicEntropy(), "ResidentsDrawn");
            Map<String, List<String>> lists = new LinkedHashMap<>();
            Map<String, String> fingerprints = new HashMap<>();
            for (ListQuota quota : planned.lists()) {
                List<String> people =
                        frozenList(log, new Key(key.conventionId(), quota.listId()), plan.line(), drawnAt);
                lists.put(quota.listId(), people);
                fingerprints.put(quota.listId(), ListFingerprint.of(quota.listId(), people));
            }
            List<String> usedLists =
                    result.lists().stream().map(FrozenList::listId).toList();
            if (!usedLists.equals(List.copyOf(lists.keySet()))) {
                throw new Fails("ResidentsDrawn names lists " + usedLists + ", the plan " + lists.keySet());
            }
            for (FrozenList used : result.lists()) {
                int residents = new HashSet<>(lists.get(used.listId())).size();
                if (!fingerprints.get(used.listId()).equals(used.fingerprint()) || used.residents() != residents) {
                    throw new Fails("list " + used.listId() + ": the fingerprint in ResidentsDrawn (line " + drawnAt
                            + ") is not that of its " + residents + " listed residents");
                }
            }
            try {
                expected = ResidentDraw.draw(lists, planned.lists(), planned.overall(), randomness);
            } catch (InvalidDrawException impossible) {
                throw new Fails("the draw cannot be re-run: " + impossible.getMessage());
            }
            compare(result.drawn(), expected);
            List<String> unaccounted = unaccounted(log, key.conventionId(), result.drawn());
            if (!unaccounted.isEmpty()) {
                Integer closed = log.closedAt.get(key.conventionId());
                if (closed != null) {
                    return new DrawVerdict(
                            key,
                            false,
                            unaccounted.size() + " drawn resident(s) are neither invited "
                                    + "nor logged as not invited with a reason, and the invitations closed (line "
                                    + closed
                                    + ")",
                            result.drawn(),
                            expected,
                            unaccounted,
                            warnings);
                }
                warnings.add(unaccounted.size() + " drawn resident(s) are neither invited nor logged as not invited "
                        + "yet; the invitations are still open");
            }
            return new DrawVerdict(
                    key,
                    true,
                    "the seed matches its commitment, made before the " + lists.size()
                            + " list(s) were frozen"
                            + (planned.publicEntropySource() == null
                                    ? ""
                                    : " with the public entropy's source, which the draw names")
                            + "; their fingerprints match "
                            + "their listed residents; re-running " + ResidentDraw.ALGORITHM
                            + " on the seed and the public "
                            + "entropy gives the same " + expected.size() + " residents in the same order",
                    result.drawn(),
                    expected,
                    unaccounted,
                    warnings);

        } catch (Fails fails) {
            return new DrawVerdict(key, false, fails.getMessage(), result.drawn(), expected);
        }
    }

    /** The drawn residents, in draw order, with neither an invitation nor a logged reason for none. */
    private static List<String> unaccounted(Log log, String conventionId, List<DrawnResident> drawn) {
        Set<String> invited = log.invited.getOrDefault(conventionId, Set.of());
        Set<String> excused = log.notInvited.getOrDefault(conventionId, Set.of());
        return drawn.stream()
                .map(DrawnResident::personId)
                .filter(person -> !invited.contains(person) && !excused.contains(person))
                .toList();
    }

    /**
     * The randomness the draw ran on, {@link SeedCommitment#drawRandomness}, after checking that
     * {@code event} logs public entropy beside the (already checked) seed.
     */
    private static String randomness(String seed, String publicEntropy, String event) throws Fails {
        if (publicEntropy == null || publicEntropy.isBlank()) {
            throw new Fails(event + " logs no public entropy: the draw must run on the committed seed and "
                    + "randomness drawn at the draw, not on the seed alone, which the organiser knew beforehand");
        }
        try {
            return SeedCommitment.drawRandomness(seed, publicEntropy);
        } catch (IllegalArgumentException invalid) {
            throw new Fails(event + ": " + invalid.getMessage());
        }
    }

    /**
     * The person ids listed on a list of the draw, after checking its freeze: once, after the plan, before
     * the draw, nobody listed after it, and the logged fingerprint and count are the recomputed ones.
     */
    private static List<String> frozenList(Log log, Key list, int plannedAt, int drawnAt) throws Fails {
        Logged<SourceListFrozen> freeze =
                once(log.frozen.getOrDefault(list, List.of()), "SourceListFrozen of list " + list.id());
        if (freeze == null) {
            throw new Fails("list " + list.id() + " was never frozen");
        }
        if (freeze.line() < plannedAt) {
            throw new Fails("list " + list.id() + " was frozen (line " + freeze.line() + ") before the draw's seed "
                    + "was committed (DrawPlanned, line " + plannedAt + ")");
        }
        if (freeze.line() > drawnAt) {
            throw new Fails("list " + list.id() + " was frozen (line " + freeze.line() + ") after the draw (line "
                    + drawnAt + ")");
        }
        List<String> people = new ArrayList<>();
        for (Logged<ResidentsListed> batch : log.listed.getOrDefault(list, List.of())) {
            if (batch.line() > freeze.line()) {
                throw new Fails("residents were listed on list " + list.id() + " (line " + batch.line()
                        + ") after it was frozen (line " + freeze.line() + ")");
            }
            batch.event().residents().forEach(resident -> people.add(resident.personId()));
        }
        int residents = new HashSet<>(people).size();
        SourceListFrozen frozen = freeze.event();
        if (!ListFingerprint.of(list.id(), people).equals(frozen.fingerprint()) || frozen.residents() != residents) {
            throw new Fails("list " + list.id() + ": the fingerprint logged when it was frozen (line " + freeze.line()
                    + ") is not that of its " + residents + " listed residents");
        }
        return people;
    }

    private static void compare(List<DrawnResident> logged, List<DrawnResident> expected) throws Fails {
        for (int i = 0; i < Math.min(logged.size(), expected.size()); i++) {
            if (!logged.get(i).equals(expected.get(i))) {
                throw new Fails("the drawn residents differ from the re-run at position " + (i + 1) + ": logged "
                        + describe(logged.get(i)) + ", re-run " + describe(expected.get(i)));
            }
        }
        if (logged.size() != expected.size()) {
            throw new Fails(logged.size() + " residents are logged as drawn, the re-run draws " + expected.size());
        }
    }

    private static String describe(DrawnResident resident) {
        return resident.personId() + " from " + resident.listId();
    }

    /** The only event of {@code events}, null if none; fails when there are several. */
    private static <T> Logged<T> once(List<Logged<T>> events, String what) throws Fails {
        if (events.size() > 1) {
            throw new Fails(what + " appears " + events.size() + " times (lines "
                    + String.join(
                            ", ",
                            events.stream().map(e -> String.valueOf(e.line())).toList()) + ")");
        }
        return events.isEmpty() ? null : events.get(0);
    }

    // ---- panel selections ------------------------------------------------------------------------

    static PanelVerdict verifySelection(Log log, Key key) {
        PanelDrawn drawn = null;
        try {
            Logged<PanelSelectionDefined> definition = once(log.selections.get(key), "PanelSelectionDefined");
            Logged<PanelLotteryComputed> computed = once(log.lotteries.get(key), "PanelLotteryComputed");
            Logged<PanelDrawn> draw = once(log.panels.getOrDefault(key, List.of()), "PanelDrawn");
            drawn = draw == null ? null : draw.event();
            if (computed.line() < definition.line()) {
                throw new Fails("the lottery (line " + computed.line() + ") comes before the selection's definition "
                        + "(line " + definition.line() + ")");
            }
            Integer closed = log.closedAt.get(key.conventionId());
            if (closed != null && closed < definition.line()) {
                throw new Fails("the selection was defined (line " + definition.line() + ") after the invitations "
                        + "closed (line " + closed + "): it could be fitted to the answers");
            }
            PanelSelectionDefined selection = definition.event();
            PanelLotteryComputed lottery = withPanels(computed, log, selection);
            Map<String, Map<String, String>> profiles = pool(log, key.conventionId(), computed);
            checkPanels(selection, lottery, profiles);
            checkHouseholds(lottery, households(log, key.conventionId(), computed));
            checkChances(lottery);
            if (draw == null) {
                return new PanelVerdict(
                        key,
                        true,
                        "lottery checked: pool, quotas and probabilities; the panel is " + "not drawn yet",
                        null);
            }
            if (draw.line() < computed.line()) {
                throw new Fails("the panel was drawn (line " + draw.line() + ") before the lottery was published "
                        + "(line " + computed.line() + ")");
            }
            checkDraw(selection, lottery, profiles, drawn);
            int replacements = checkReplacements(log, key, selection, draw);
            return new PanelVerdict(
                    key,
                    true,
                    "the seed matches its commitment; the " + lottery.panels().size()
                            + " panels meet the quotas, their probabilities add up to 1 and give the published"
                            + " chances; the "
                            + "drawn panel (" + drawn.panelIndex()
                            + ") and the reserve order are the ones the seed and the "
                            + "public entropy pick"
                            + (replacements == 0
                                    ? ""
                                    : "; the " + replacements + " replacement(s) called are the ones the rule"
                                            + " calls"),
                    drawn);
        } catch (Fails fails) {
            return new PanelVerdict(key, false, fails.getMessage(), drawn);
        }
    }

    /**
     * The lottery with its panels listed: those of revision 1 are in the event; from revision 2 they are in
     * the record attached to the event's line, or else given beside the export, which must be the one whose
     * SHA-256 the event names.
     */
    private static PanelLotteryComputed withPanels(
            Logged<PanelLotteryComputed> computed, Log log, PanelSelectionDefined selection) throws Fails {
        PanelLotteryComputed lottery = computed.event();
        PanelRecordRef ref = lottery.panelRecord();
        if (ref == null) {
            return lottery;
        }
        if (!lottery.panels().isEmpty()) {
            throw new Fails("the lottery lists panels both in its event and in a record");
        }
        byte[] attached = log.records.containsKey(computed.line())
                ? log.records.get(computed.line())
                : log.supplied.get(ref.sha256());
        if (attached == null) {
            throw new Fails("the lottery's panel record (SHA-256 " + ref.sha256() + ") is missing from the export "
                    + "(line " + computed.line() + " has no \"panelRecord\"): its panels cannot be checked. An "
                    + "export of an Axon Server deployment carries no records (ADR-010): take it from the "
                    + "command service (GET /api/lottery-records/" + ref.sha256() + ") and give it with "
                    + "--panel-record FILE");
        }
        String sha256 = LotteryRecord.sha256(attached);
        if (!sha256.equals(ref.sha256())) {
            throw new Fails("the panel record attached to line " + computed.line() + " has SHA-256 " + sha256
                    + ", the log names " + ref.sha256() + ": the record is not the one the lottery published");
        }
        LotteryRecord.Contents contents;
        try {
            contents = LotteryRecord.decode(attached);
        } catch (IllegalArgumentException unreadable) {
            throw new Fails("the lottery's panel record is unreadable: " + unreadable.getMessage());
        }
        if (contents.poolSize() != lottery.chances().size()
                || contents.panelSize() != selection.panelSize()
                || contents.panels().size() != ref.panels()) {
            throw new Fails("the panel record holds " + contents.panels().size() + " panels of "
                    + contents.panelSize() + " from a pool of " + contents.poolSize() + "; the log announces "
                    + ref.panels() + " panels of " + selection.panelSize() + " from "
                    + lottery.chances().size());
        }
        List<LotteryPanel> panels = contents.panels().stream()
                .map(panel -> new LotteryPanel(
                        panel.probability(),
                        panel.members().stream()
                                .map(i -> lottery.chances().get(i).personId())
                                .toList()))
                .toList();
        return new PanelLotteryComputed(
                lottery.conventionId(),
                lottery.selectionId(),
                lottery.algorithm(),
                lottery.minProbability(),
                lottery.chances(),
                panels,
                ref);
    }

    /**
     * The profiles of the lottery's pool by person id, in the lottery's order, after checking that the
     * pool is exactly the convention's volunteers registered before the lottery.
     */
    private static Map<String, Map<String, String>> pool(
            Log log, String conventionId, Logged<PanelLotteryComputed> computed) throws Fails {
        Map<String, VolunteerRegistered> registered = new LinkedHashMap<>();
        for (Logged<VolunteerRegistered> volunteer : log.volunteers.getOrDefault(conventionId, List.of())) {
            if (volunteer.line() < computed.line()
                    && registered.put(volunteer.event().personId(), volunteer.event()) != null) {
                throw new Fails("volunteer " + volunteer.event().personId() + " is registered twice (line "
                        + volunteer.line() + ")");
            }
        }
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        for (SelectionChance chance : computed.event().chances()) {
            VolunteerRegistered volunteer = registered.get(chance.personId());
            if (volunteer == null || !volunteer.invitationId().equals(chance.invitationId())) {
                throw new Fails("the lottery gives a chance to " + chance.personId() + " (invitation "
                        + chance.invitationId() + "), who is not a volunteer registered before it");
            }
            if (profiles.put(chance.personId(), volunteer.profile() == null ? Map.of() : volunteer.profile()) != null) {
                throw new Fails("the lottery gives " + chance.personId() + " two chances");
            }
        }
        for (String personId : registered.keySet()) {
            if (!profiles.containsKey(personId)) {
                throw new Fails("volunteer " + personId + ", registered before the lottery, is not in its pool");
            }
        }
        return profiles;
    }

    private static void checkPanels(
            PanelSelectionDefined selection, PanelLotteryComputed lottery, Map<String, Map<String, String>> profiles)
            throws Fails {
        if (lottery.panels().isEmpty()) {
            throw new Fails("the lottery has no panel");
        }
        for (int i = 0; i < lottery.panels().size(); i++) {
            List<String> members = lottery.panels().get(i).personIds();
            if (members.size() != selection.panelSize() || new HashSet<>(members).size() != members.size()) {
                throw new Fails("panel " + i + " does not have " + selection.panelSize() + " distinct members");
            }
            for (String member : members) {
                if (!profiles.containsKey(member)) {
                    throw new Fails("panel " + i + " seats " + member + ", who is not in the lottery's pool");
                }
            }
            for (QuotaRange quota : selection.quotas()) {
                long count = members.stream()
                        .filter(member ->
                                quota.value().equals(profiles.get(member).get(quota.category())))
                        .count();
                if (count < quota.min() || count > quota.max()) {
                    throw new Fails("panel " + i + " seats " + count + " with " + quota.category() + " = "
                            + quota.value() + ", the quota is " + quota.min() + " to " + quota.max());
                }
            }
        }
    }

    /** Each volunteer's household pseudonym, for those registered with one before the lottery. */
    private static Map<String, String> households(Log log, String conventionId, Logged<PanelLotteryComputed> computed) {
        Map<String, String> households = new HashMap<>();
        for (Logged<VolunteerRegistered> volunteer : log.volunteers.getOrDefault(conventionId, List.of())) {
            if (volunteer.line() < computed.line() && volunteer.event().household() != null) {
                households.put(volunteer.event().personId(), volunteer.event().household());
            }
        }
        return households;
    }

    /** At most one volunteer of a household on any panel (households are compared by their pseudonyms). */
    private static void checkHouseholds(PanelLotteryComputed lottery, Map<String, String> households) throws Fails {
        for (int i = 0; i < lottery.panels().size(); i++) {
            Map<String, String> seatedFrom = new HashMap<>();
            for (String member : lottery.panels().get(i).personIds()) {
                String household = households.get(member);
                String housemate = household == null ? null : seatedFrom.put(household, member);
                if (housemate != null) {
                    throw new Fails("panel " + i + " seats " + housemate + " and " + member + ", of one household");
                }
            }
        }
    }

    private static void checkChances(PanelLotteryComputed lottery) throws Fails {
        double total = 0;
        Map<String, Double> sums = new HashMap<>();
        for (int i = 0; i < lottery.panels().size(); i++) {
            LotteryPanel panel = lottery.panels().get(i);
            if (panel.probability() < -TOLERANCE) {
                throw new Fails("panel " + i + " has a negative probability, " + panel.probability());
            }
            total += panel.probability();
            panel.personIds().forEach(member -> sums.merge(member, panel.probability(), Double::sum));
        }
        if (Math.abs(total - 1) > TOLERANCE) {
            throw new Fails("the panels' probabilities add up to " + total + ", not 1");
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (SelectionChance chance : lottery.chances()) {
            double sum = sums.getOrDefault(chance.personId(), 0.0);
            if (Math.abs(sum - chance.probability()) > TOLERANCE) {
                throw new Fails("the published chance of " + chance.personId() + " is " + chance.probability()
                        + ", the panels holding them add up to " + sum);
            }
            smallest = Math.min(smallest, chance.probability());
        }
        if (Math.abs(smallest - lottery.minProbability()) > TOLERANCE) {
            throw new Fails("the published minimum probability is " + lottery.minProbability()
                    + ", the smallest chance is " + smallest);
        }
    }

    private static void checkDraw(
            PanelSelectionDefined selection,
            PanelLotteryComputed lottery,
            Map<String, Map<String, String>> profiles,
            PanelDrawn drawn)
            throws Fails {
        if (!SeedCommitment.matches(drawn.seed(), selection.seedCommitment())) {
            throw new Fails("the revealed seed does not match the commitment of PanelSelectionDefined");
        }
        String randomness = randomness(drawn.seed(), drawn.publicEntropy(), "PanelDrawn");
        List<String> pool = List.copyOf(profiles.keySet());
        Map<String, Integer> index = new HashMap<>();
        pool.forEach(personId -> index.put(personId, index.size()));
        List<PanelLottery.Panel> panels = lottery.panels().stream()
                .map(panel -> new PanelLottery.Panel(
                        panel.personIds().stream().map(index::get).sorted().toList(), panel.probability()))
                .toList();
        PanelLottery published = new PanelLottery(
                lottery.algorithm(),
                selection.panelSize(),
                panels,
                lottery.chances().stream().map(SelectionChance::probability).toList(),
                lottery.minProbability());
        int expected = PanelDraw.drawIndex(published, randomness);
        if (drawn.panelIndex() != expected) {
            throw new Fails("panel " + drawn.panelIndex() + " is logged as drawn, the seed and the public entropy "
                    + "pick panel " + expected);
        }
        List<String> members = lottery.panels().get(expected).personIds();
        if (drawn.selected().size() != members.size()
                || !new HashSet<>(drawn.selected()).equals(new HashSet<>(members))) {
            throw new Fails("the selected volunteers are not the members of panel " + expected);
        }
        List<Volunteer> volunteers = pool.stream()
                .map(personId -> new Volunteer(personId, withoutNulls(profiles.get(personId))))
                .toList();
        List<String> reserve = PanelDraw.reserveOrder(volunteers, panels.get(expected), randomness).stream()
                .map(pool::get)
                .toList();
        if (!reserve.equals(drawn.reserve())) {
            throw new Fails("the reserve is not in the order the seed and the public entropy give: logged "
                    + drawn.reserve() + ", expected " + reserve);
        }
    }

    /**
     * Replays the seatings and departures after the draw and checks that each {@code ReplacementCalled} of
     * the selection calls whom {@link PanelDraw#replacement} calls, as the command side does: the quotas
     * counting the seated members (the leaver included), the households of everyone still holding a place on
     * the panel (drawn or called, not gone) excluded, the reserve in its logged order without those already
     * called. Returns how many replacements were checked.
     */
    private static int checkReplacements(Log log, Key key, PanelSelectionDefined selection, Logged<PanelDrawn> draw)
            throws Fails {
        Map<String, Volunteer> byInvitation = new HashMap<>();
        Map<String, Volunteer> byPerson = new HashMap<>();
        for (Logged<VolunteerRegistered> registered : log.volunteers.getOrDefault(key.conventionId(), List.of())) {
            VolunteerRegistered v = registered.event();
            Volunteer volunteer = new Volunteer(
                    v.personId(), withoutNulls(v.profile() == null ? Map.of() : v.profile()), v.household());
            byInvitation.put(v.invitationId(), volunteer);
            byPerson.put(v.personId(), volunteer);
        }
        Map<String, Volunteer> memberOf = new LinkedHashMap<>();
        Set<String> active = new HashSet<>();
        Set<String> onPanel = new LinkedHashSet<>(draw.event().selected());
        Set<String> called = new HashSet<>();
        Set<String> replaced = new HashSet<>();
        Quotas quotas = quotas(selection);
        int checked = 0;
        for (Logged<Object> logged : log.membership.getOrDefault(key.conventionId(), List.of())) {
            if (logged.line() < draw.line()) {
                continue;
            }
            if (logged.event() instanceof MemberSeated e && byInvitation.containsKey(e.invitationId())) {
                memberOf.put(e.memberId(), byInvitation.get(e.invitationId()));
                active.add(e.memberId());
            } else if (logged.event() instanceof MemberWithdrew e) {
                leave(e.memberId(), memberOf, active, onPanel);
            } else if (logged.event() instanceof MembershipLost e) {
                leave(e.memberId(), memberOf, active, onPanel);
            } else if (logged.event() instanceof ReplacementCalled e
                    && e.selectionId().equals(key.id())) {
                Volunteer leaver = memberOf.get(e.replacedMemberId());
                if (leaver == null || active.contains(e.replacedMemberId()) || !replaced.add(e.replacedMemberId())) {
                    throw new Fails("line " + logged.line() + " replaces " + e.replacedMemberId()
                            + ", who is not a member who left and was not replaced yet");
                }
                List<Volunteer> seated = memberOf.entrySet().stream()
                        .filter(m -> active.contains(m.getKey()) || m.getKey().equals(e.replacedMemberId()))
                        .map(Map.Entry::getValue)
                        .toList();
                Set<String> households = new HashSet<>();
                onPanel.stream()
                        .map(byPerson::get)
                        .filter(v -> v != null && v.household() != null)
                        .forEach(v -> households.add(v.household()));
                List<Volunteer> reserve = draw.event().reserve().stream()
                        .filter(p -> !called.contains(p))
                        .map(p -> byPerson.getOrDefault(p, new Volunteer(p, Map.of())))
                        .toList();
                String expected = PanelDraw.replacement(
                                quotas, PanelDraw.valueCounts(quotas, seated), households, leaver, reserve)
                        .map(Volunteer::id)
                        .orElse(null);
                if (!e.personId().equals(expected)) {
                    throw new Fails("line " + logged.line() + " calls " + e.personId() + " to replace "
                            + e.replacedMemberId() + "; the rule (quotas, one member per household, reserve order)"
                            + " calls " + (expected == null ? "nobody" : expected));
                }
                called.add(e.personId());
                onPanel.add(e.personId());
                checked++;
            }
        }
        return checked;
    }

    private static void leave(
            String memberId, Map<String, Volunteer> memberOf, Set<String> active, Set<String> onPanel) {
        if (active.remove(memberId)) {
            onPanel.remove(memberOf.get(memberId).id());
        }
    }

    private static Quotas quotas(PanelSelectionDefined selection) {
        Map<String, List<ValueQuota>> byCategory = new LinkedHashMap<>();
        for (QuotaRange quota : selection.quotas()) {
            byCategory
                    .computeIfAbsent(quota.category(), c -> new ArrayList<>())
                    .add(new ValueQuota(quota.value(), quota.min(), quota.max()));
        }
        return new Quotas(
                selection.panelSize(),
                byCategory.entrySet().stream()
                        .map(e -> new Category(e.getKey(), e.getValue()))
                        .toList());
    }

    private static Map<String, String> withoutNulls(Map<String, String> profile) {
        Map<String, String> values = new HashMap<>();
        profile.forEach((category, value) -> {
            if (category != null && value != null) {
                values.put(category, value);
            }
        });
        return values;
    }

    // ---- reading the export ----------------------------------------------------------------------

    /** The recruitment events of the export in {@code file}; other events are skipped. */
    static Log read(Path file) throws IOException {
        Map<String, Class<?>> types = new HashMap<>();
        EVENTS.forEach(type -> types.put(type.getName(), type));
        Log log = new Log();
        LogVerification.forEachLine(file, (text, number) -> {
            JsonNode line = parse(text, number);
            Class<?> type = types.get(field(line, "payloadType", number));
            if (type != null) {
                log.add(number, checked(payload(field(line, "payload", number), type, number), number));
            }
            if (type == PanelLotteryComputed.class && line.hasNonNull("panelRecord")) {
                log.records.put(number, base64(field(line, "panelRecord", number), number));
            }
        });
        return log;
    }

    private static JsonNode parse(String text, int number) {
        try {
            JsonNode line = JSON.readTree(text);
            if (line == null || !line.isObject()) {
                throw new Unreadable("line " + number + ": expected a JSON object, one event per line");
            }
            return line;
        } catch (JsonProcessingException e) {
            throw new Unreadable("line " + number + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String field(JsonNode line, String name, int number) {
        JsonNode value = line.get(name);
        if (value == null || !value.isTextual()) {
            throw new Unreadable("line " + number + ": \"" + name + "\" must be a string");
        }
        return value.asText();
    }

    private static byte[] base64(String text, int number) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("line " + number + ": \"panelRecord\" is not base64: " + e.getMessage());
        }
    }

    private static Object payload(String payload, Class<?> type, int number) {
        try {
            return PAYLOADS.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new Unreadable("line " + number + ": the " + type.getSimpleName() + " payload is not readable: "
                    + e.getOriginalMessage());
        }
    }

    /** {@code event} when every field the checks read is present. */
    private static Object checked(Object event, int number) {
        boolean complete = true;
        if (event instanceof ResidentsListed e) {
            complete = all(e.conventionId(), e.listId(), e.residents())
                    && e.residents().stream().allMatch(r -> r != null && r.personId() != null);
        } else if (event instanceof SourceListFrozen e) {
            complete = all(e.conventionId(), e.listId(), e.fingerprint());
        } else if (event instanceof DrawPlanned e) {
            complete = all(e.conventionId(), e.drawId(), e.lists())
                    && e.lists().stream().allMatch(q -> q != null && q.listId() != null);
        } else if (event instanceof ResidentsDrawn e) {
            complete = all(e.conventionId(), e.drawId(), e.lists(), e.drawn())
                    && e.lists().stream().allMatch(l -> l != null && l.listId() != null)
                    && e.drawn().stream().allMatch(Objects::nonNull);
        } else if (event instanceof VolunteerRegistered e) {
            complete = all(e.conventionId(), e.personId(), e.invitationId());
        } else if (event instanceof PanelSelectionDefined e) {
            complete = all(e.conventionId(), e.selectionId(), e.quotas())
                    && e.quotas().stream().allMatch(q -> q != null && q.category() != null && q.value() != null);
        } else if (event instanceof PanelLotteryComputed e) {
            complete = all(e.conventionId(), e.selectionId(), e.chances(), e.panels())
                    && e.chances().stream().allMatch(c -> c != null && c.personId() != null)
                    && e.panels().stream().allMatch(p -> p != null && p.personIds() != null)
                    && (e.panelRecord() == null || e.panelRecord().sha256() != null);
        } else if (event instanceof PanelDrawn e) {
            complete = all(e.conventionId(), e.selectionId(), e.selected(), e.reserve());
        } else if (event instanceof InvitationSent e) {
            complete = all(e.conventionId(), e.residentRef());
        } else if (event instanceof DrawnResidentNotInvited e) {
            complete = all(e.conventionId(), e.residentRef(), e.reason());
        } else if (event instanceof InvitationsClosed e) {
            complete = all(e.conventionId());
        } else if (event instanceof MemberSeated e) {
            complete = all(e.conventionId(), e.memberId(), e.invitationId());
        } else if (event instanceof MemberWithdrew e) {
            complete = all(e.conventionId(), e.memberId());
        } else if (event instanceof MembershipLost e) {
            complete = all(e.conventionId(), e.memberId());
        } else if (event instanceof ReplacementCalled e) {
            complete = all(e.conventionId(), e.selectionId(), e.replacedMemberId(), e.personId());
        }
        if (!complete) {
            throw new Unreadable("line " + number + ": the " + event.getClass().getSimpleName()
                    + " payload lacks a field the verification needs");
        }
        return event;
    }

    private static boolean all(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }

    private static String message(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e instanceof Unreadable ? e.getMessage() : "cannot read: " + e;
    }

    /** An export that cannot be verified. */
    static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message);
        }
    }
}
