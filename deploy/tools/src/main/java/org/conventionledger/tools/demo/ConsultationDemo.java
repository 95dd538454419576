package org.conventionledger.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.conventionledger.tools.LedgerClient;

/**
 * The mid-term digital consultation of Clermont-Ferrand, replayed through the public write API: one
 * call for proposals per topic (its criteria taken from the topic's CAC sheet), then exactly the
 * published totals — 224 residents, 232 proposals, 3,386 votes, 347 arguments — and a few moderation
 * hides, then every call closed.
 *
 * <p>What was never published (who proposed what, each vote, the texts) is invented by {@link #plan},
 * a pure function of the topics' titles and a fixed seed: the same topics give the same plan. Residents
 * are relayed by the consultation platform under invented references ({@code clermont-consultation-NNN});
 * the first resident signs in themselves (the local {@code voter} account). A few residents change
 * their vote: the changes replace votes, so 3,386 stays the number of current votes. The instants are
 * the service's (the calls open now for two weeks and are closed at the end of the replay); the
 * consultation's real dates are not in the log.
 */
public final class ConsultationDemo {

    public static final int RESIDENTS = 224;
    public static final int PROPOSALS = 232;
    public static final int VOTES = 3_386;
    public static final int ARGUMENTS = 347;
    /** Votes their resident changes before the close (invented; each replaces a vote, adds none). */
    static final int VOTE_CHANGES = 41;

    static final long SEED = 2022_03_14L;

    private static final String ORGANISER = "organiser";
    private static final String PLATFORM = "platform";
    private static final String VOTER = "voter";
    private static final List<String> STANCES = List.of("FOR", "MIXED", "AGAINST");
    private static final String[] IDEAS = {
        "des pistes cyclables continues",
        "un jardin partagé par quartier",
        "des navettes gratuites le samedi",
        "un conseil de quartier des jeunes",
        "des fontaines à eau publiques",
        "une cantine 100 % locale",
        "des ateliers de réparation",
        "un budget participatif des écoles",
        "plus de bancs et d'ombre",
        "un guichet unique pour les aides",
        "des rues scolaires sans voitures",
        "des permanences numériques",
        "un compost collectif",
        "des horaires de bus élargis",
        "une maison des associations",
        "des toilettes publiques accessibles"
    };
    private static final List<String> HIDE_PROPOSAL_REASONS = List.of(
            "Names a private person (personal data)", "Commercial advertising", "Duplicate of an earlier proposal");
    private static final List<String> HIDE_ARGUMENT_REASONS = List.of(
            "Insulting remark", "Names a private person", "Off topic", "Spam (repeated text)", "Insulting remark");

    private ConsultationDemo() {}

    /** What the replay did, per call and in all; {@code votesByStance} counts current votes. */
    public record Result(
            Map<String, String> callIds,
            int residents,
            int proposals,
            int votes,
            int voteChanges,
            int arguments,
            int hiddenProposals,
            int hiddenArguments,
            Map<String, Integer> votesByStance,
            Map<String, CallFigures> perCall) {}

    /** One call's figures, by the topic's title. */
    public record CallFigures(String callId, int proposals, int votes, int arguments) {}

    // ---- the plan: pure ------------------------------------------------------------------------

    record PlannedProposal(int index, int topic, int author, String title, String text) {}

    record PlannedVote(int resident, int proposal, String stance) {}

    record PlannedChange(int resident, int proposal, String stance) {}

    record PlannedArgument(int resident, int proposal, String text) {}

    record Plan(
            List<String> topics,
            List<PlannedProposal> proposals,
            List<PlannedVote> votes,
            List<PlannedChange> changes,
            List<PlannedArgument> arguments,
            List<Integer> hiddenProposals,
            List<Integer> hiddenArguments) {

        /** Each resident's last stance per proposal. */
        Map<Long, String> finalStances() {
            Map<Long, String> stances = new LinkedHashMap<>();
            votes.forEach(v -> stances.put(key(v.resident(), v.proposal()), v.stance()));
            changes.forEach(c -> stances.put(key(c.resident(), c.proposal()), c.stance()));
            return stances;
        }
    }

    static long key(int resident, int proposal) {
        return (long) resident * 100_000 + proposal;
    }

    /** The whole consultation, invented deterministically from the topics' titles (in their order). */
    static Plan plan(List<String> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("The consultation needs at least one topic");
        }
        Random random = new Random(SEED);
        // proposals per topic: decreasing weights, largest remainder to exactly PROPOSALS
        int[] perTopic = apportion(PROPOSALS, topics.size());
        List<PlannedProposal> proposals = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            for (int k = 0; k < perTopic[t]; k++) {
                int index = proposals.size();
                String idea = IDEAS[random.nextInt(IDEAS.length)];
                proposals.add(new PlannedProposal(
                        index,
                        t,
                        random.nextInt(RESIDENTS),
                        "[demo] Proposition " + (index + 1) + " : " + idea,
                        "[demo] Pour « " + topics.get(t) + " », nous proposons " + idea + " (proposition " + (index + 1)
                                + ", texte inventé)."));
            }
        }
        // how appealing each proposal is, which tilts its stances
        double[] appeal = new double[PROPOSALS];
        for (int p = 0; p < PROPOSALS; p++) {
            appeal[p] = random.nextDouble();
        }
        // votes per resident: every resident votes at least once, a few vote a lot; exactly VOTES in all
        int[] perResident = new int[RESIDENTS];
        int total = 0;
        for (int r = 0; r < RESIDENTS; r++) {
            perResident[r] = 1 + (int) Math.min(59, -Math.log(1 - random.nextDouble()) * 14);
            total += perResident[r];
        }
        while (total != VOTES) {
            int r = random.nextInt(RESIDENTS);
            if (total < VOTES && perResident[r] < 60) {
                perResident[r]++;
                total++;
            } else if (total > VOTES && perResident[r] > 1) {
                perResident[r]--;
                total--;
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < PROPOSALS; p++) {
            all.add(p);
        }
        List<PlannedVote> votes = new ArrayList<>();
        for (int r = 0; r < RESIDENTS; r++) {
            List<Integer> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            for (int p : shuffled.subList(0, perResident[r])) {
                double u = random.nextDouble();
                double forShare = 0.30 + 0.45 * appeal[p];
                votes.add(new PlannedVote(r, p, u < forShare ? "FOR" : u < forShare + 0.25 ? "MIXED" : "AGAINST"));
            }
        }
        // changes: distinct votes, each to another stance
        List<PlannedVote> changeable = new ArrayList<>(votes);
        Collections.shuffle(changeable, random);
        List<PlannedChange> changes = new ArrayList<>();
        for (PlannedVote vote : changeable.subList(0, VOTE_CHANGES)) {
            String other = STANCES.get((STANCES.indexOf(vote.stance()) + 1 + random.nextInt(2)) % 3);
            changes.add(new PlannedChange(vote.resident(), vote.proposal(), other));
        }
        // arguments: on distinct votes, by the resident who voted
        List<PlannedVote> arguable = new ArrayList<>(votes);
        Collections.shuffle(arguable, random);
        List<PlannedArgument> arguments = new ArrayList<>();
        for (PlannedVote vote : arguable.subList(0, ARGUMENTS)) {
            arguments.add(new PlannedArgument(
                    vote.resident(),
                    vote.proposal(),
                    "[demo] Argument " + (arguments.size() + 1) + " sur la proposition " + (vote.proposal() + 1)
                            + " (texte inventé)."));
        }
        // moderation: a few proposals and arguments hidden at the end, with their reasons
        Set<Integer> hiddenProposals = new LinkedHashSet<>();
        while (hiddenProposals.size() < HIDE_PROPOSAL_REASONS.size()) {
            hiddenProposals.add(random.nextInt(PROPOSALS));
        }
        Set<Integer> hiddenArguments = new LinkedHashSet<>();
        while (hiddenArguments.size() < HIDE_ARGUMENT_REASONS.size()) {
            hiddenArguments.add(random.nextInt(ARGUMENTS));
        }
        return new Plan(
                List.copyOf(topics),
                proposals,
                votes,
                changes,
                arguments,
                List.copyOf(hiddenProposals),
                List.copyOf(hiddenArguments));
    }

    /** {@code total} split over {@code parts} with decreasing weights (2n, 2n−1, …), largest remainder. */
    static int[] apportion(int total, int parts) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 2.0 * parts - i;
            sum += weights[i];
        }
        int[] shares = new int[parts];
        double[] remainders = new double[parts];
        int given = 0;
        for (int i = 0; i < parts; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < parts; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    // ---- the replay through the API ------------------------------------------------------------

    /**
     * Opens one call per topic, replays the plan and closes the calls.
     *
     * @param topicIds the convention's topics, title → topic id, in the order the calls are opened
     */
    public static Result run(
            LedgerClient client,
            String commandUrl,
            String conventionId,
            Map<String, String> topicIds,
            Consumer<String> log)
            throws Exception {
        Instant started = Instant.now();
        Plan plan = plan(new ArrayList<>(topicIds.keySet()));
        Map<String, String> callIds = new LinkedHashMap<>();
        for (var topic : topicIds.entrySet()) {
            callIds.put(topic.getKey(), openCall(client, commandUrl, conventionId, topic.getKey(), topic.getValue()));
        }
        List<String> calls = new ArrayList<>(callIds.values());
        log.accept("Consultation: " + calls.size() + " calls for proposals opened, criteria from the CAC sheets");

        String[] proposalIds = new String[PROPOSALS];
        parallel(
                plan.proposals(),
                p -> proposalIds[p.index()] = client.post(
                                commandUrl + "/api/consultation/calls/" + calls.get(p.topic()) + "/proposals",
                                actor(p.author()),
                                body(p.author(), Map.of("title", p.title(), "text", p.text())))
                        .path("proposalId")
                        .asText());
        parallel(
                plan.votes(),
                v -> vote(client, commandUrl, calls, plan, proposalIds, v.resident(), v.proposal(), v.stance()));
        parallel(
                plan.changes(),
                c -> vote(client, commandUrl, calls, plan, proposalIds, c.resident(), c.proposal(), c.stance()));
        String[] argumentIds = new String[ARGUMENTS];
        List<Integer> argumentIndexes = new ArrayList<>();
        for (int i = 0; i < ARGUMENTS; i++) {
            argumentIndexes.add(i);
        }
        parallel(argumentIndexes, i -> {
            PlannedArgument a = plan.arguments().get(i);
            argumentIds[i] = client.post(
                            proposalUrl(commandUrl, calls, plan, proposalIds, a.proposal()) + "/arguments",
                            actor(a.resident()),
                            body(a.resident(), Map.of("text", a.text())))
                    .path("argumentId")
                    .asText();
        });
        log.accept("Consultation: " + PROPOSALS + " proposals, " + VOTES + " votes (" + VOTE_CHANGES + " changed), "
                + ARGUMENTS + " arguments by " + RESIDENTS + " residents");

        for (int i = 0; i < plan.hiddenArguments().size(); i++) {
            int a = plan.hiddenArguments().get(i);
            int topic = plan.proposals().get(plan.arguments().get(a).proposal()).topic();
            client.post(
                    commandUrl + "/api/consultation/calls/" + calls.get(topic) + "/arguments/" + argumentIds[a]
                            + "/hide",
                    ORGANISER,
                    Map.of("reason", HIDE_ARGUMENT_REASONS.get(i)));
        }
        for (int i = 0; i < plan.hiddenProposals().size(); i++) {
            int p = plan.hiddenProposals().get(i);
            client.post(
                    proposalUrl(commandUrl, calls, plan, proposalIds, p) + "/hide",
                    ORGANISER,
                    Map.of("reason", HIDE_PROPOSAL_REASONS.get(i)));
        }
        for (String call : calls) {
            client.post(commandUrl + "/api/consultation/calls/" + call + "/close", ORGANISER, Map.of());
        }
        log.accept("Consultation: moderation hid " + plan.hiddenProposals().size() + " proposals and "
                + plan.hiddenArguments().size() + " arguments; calls closed ("
                + Duration.between(started, Instant.now()).toSeconds() + " s)");
        return result(plan, callIds);
    }

    private static String openCall(
            LedgerClient client, String commandUrl, String conventionId, String title, String topicId) {
        String url = commandUrl + "/api/conventions/" + conventionId + "/consultation/calls";
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("topicId", topicId);
        call.put("title", "Appel à propositions : " + title);
        call.put(
                "text",
                "[demo] Proposez des actions sur « " + title + " » ; votez pour, mitigé ou contre ; argumentez.");
        call.put("opensAt", Instant.now().minusSeconds(60).toString());
        call.put("closesAt", Instant.now().plus(Duration.ofDays(14)).toString());
        try {
            return client.post(url, ORGANISER, call).path("callId").asText();
        } catch (LedgerClient.Rejected noSheet) {
            if (noSheet.status() != 422
                    || !"criteria-required"
                            .equals(noSheet.problem().path("code").asText())) {
                throw noSheet;
            }
            // a store loaded before the consultation register existed: state the demo sheets' criteria
            call.put(
                    "criteria",
                    List.of(
                            "Feasible within the mandate",
                            "Benefits every neighbourhood",
                            "Measurable by the monitoring body"));
            return client.post(url, ORGANISER, call).path("callId").asText();
        }
    }

    private static void vote(
            LedgerClient client,
            String commandUrl,
            List<String> calls,
            Plan plan,
            String[] proposalIds,
            int resident,
            int proposal,
            String stance) {
        client.post(
                proposalUrl(commandUrl, calls, plan, proposalIds, proposal) + "/votes",
                actor(resident),
                body(resident, Map.of("stance", stance)));
    }

    private static String proposalUrl(
            String commandUrl, List<String> calls, Plan plan, String[] proposalIds, int proposal) {
        return commandUrl + "/api/consultation/calls/"
                + calls.get(plan.proposals().get(proposal).topic()) + "/proposals/" + proposalIds[proposal];
    }

    /** Resident 0 signs in themselves; the platform relays the others. */
    private static String actor(int resident) {
        return resident == 0 ? VOTER : PLATFORM;
    }

    private static Map<String, Object> body(int resident, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (resident != 0) {
            body.put("voterRef", String.format("clermont-consultation-%03d", resident));
        }
        return body;
    }

    static Result result(Plan plan, Map<String, String> callIds) {
        Map<Long, String> stances = plan.finalStances();
        Map<String, Integer> byStance = new LinkedHashMap<>();
        STANCES.forEach(s -> byStance.put(s, 0));
        stances.values().forEach(s -> byStance.merge(s, 1, Integer::sum));
        List<String> titles = new ArrayList<>(callIds.keySet());
        Map<String, CallFigures> perCall = new LinkedHashMap<>();
        for (int t = 0; t < titles.size(); t++) {
            int topic = t;
            perCall.put(
                    titles.get(t),
                    new CallFigures(
                            callIds.get(titles.get(t)),
                            (int) plan.proposals().stream()
                                    .filter(p -> p.topic() == topic)
                                    .count(),
                            (int) plan.votes().stream()
                                    .filter(v ->
                                            plan.proposals().get(v.proposal()).topic() == topic)
                                    .count(),
                            (int) plan.arguments().stream()
                                    .filter(a ->
                                            plan.proposals().get(a.proposal()).topic() == topic)
                                    .count()));
        }
        Set<Integer> residents = new LinkedHashSet<>();
        plan.proposals().forEach(p -> residents.add(p.author()));
        plan.votes().forEach(v -> residents.add(v.resident()));
        return new Result(
                callIds,
                residents.size(),
                plan.proposals().size(),
                stances.size(),
                plan.changes().size(),
                plan.arguments().size(),
                plan.hiddenProposals().size(),
                plan.hiddenArguments().size(),
                byStance,
                perCall);
    }

    /**
     * Waits (up to {@code timeout}) for the read side's consultation view to show what the replay did, and
     * lists the differences that remain (empty: the read side reproduces the published totals).
     */
    public static List<String> check(
            LedgerClient client, String queryUrl, String conventionId, Result expected, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> mismatches = List.of("the read side has no consultation view yet");
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode view = client.get(queryUrl + "/api/conventions/" + conventionId + "/consultation", ORGANISER);
                mismatches = mismatches(view, expected);
                if (mismatches.isEmpty()) {
                    return mismatches;
                }
            } catch (LedgerClient.Rejected notYet) {
                mismatches = List.of(notYet.getMessage());
            }
            Thread.sleep(500);
        }
        return mismatches;
    }

    static List<String> mismatches(JsonNode view, Result expected) {
        List<String> mismatches = new ArrayList<>();
        JsonNode totals = view.path("totals");
        compare(
                mismatches,
                "calls",
                totals.path("calls").asLong(),
                expected.callIds().size());
        compare(mismatches, "proposals", totals.path("proposalsSubmitted").asLong(), expected.proposals());
        compare(mismatches, "hidden proposals", totals.path("proposalsHidden").asLong(), expected.hiddenProposals());
        compare(mismatches, "votes", totals.path("votes").asLong(), expected.votes());
        compare(mismatches, "vote changes", totals.path("voteChanges").asLong(), expected.voteChanges());
        compare(
                mismatches,
                "FOR votes",
                totals.path("forVotes").asLong(),
                expected.votesByStance().get("FOR"));
        compare(
                mismatches,
                "MIXED votes",
                totals.path("mixedVotes").asLong(),
                expected.votesByStance().get("MIXED"));
        compare(
                mismatches,
                "AGAINST votes",
                totals.path("againstVotes").asLong(),
                expected.votesByStance().get("AGAINST"));
        compare(mismatches, "arguments", totals.path("argumentsPosted").asLong(), expected.arguments());
        compare(mismatches, "hidden arguments", totals.path("argumentsHidden").asLong(), expected.hiddenArguments());
        compare(
                mismatches,
                "residents",
                view.path("participation").path("residents").asLong(),
                expected.residents());
        for (JsonNode call : view.path("calls")) {
            if (!"CLOSED".equals(call.path("status").asText())) {
                mismatches.add("call " + call.path("callId").asText() + " is "
                        + call.path("status").asText());
            }
        }
        return mismatches;
    }

    private static void compare(List<String> mismatches, String figure, long actual, long expected) {
        if (actual != expected) {
            mismatches.add(figure + ": " + actual + " on the read side, " + expected + " replayed");
        }
    }

    /** Independent requests from a few threads, as the platform and the help desks would send them. */
    private static <T> void parallel(List<T> items, Consumer<T> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> send.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
