package org.conventionledger.benchmark;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends ballots from concurrent clients, as the voting platform relays them, and keeps the client's
 * own account of what the ledger accepted: how many, with which choices, and when each 201 came back.
 * That account is what the final ranking must equal exactly.
 *
 * <p>Outcomes: a 2xx is accepted; a 4xx is a definite refusal (its problem {@code code} is counted); no
 * answer or a 5xx leaves the outcome unknown (the ballot may have been committed), and the ballot is
 * re-sent after the load to settle it: a 201 means it was not, {@code already-voted} that it was.
 */
final class BallotLoad {

    /** What one phase of sending did. */
    record Phase(
            String name,
            long requests,
            long accepted,
            long duplicatesSent,
            long duplicatesRefused,
            long duplicatesAccepted,
            Map<String, Long> outcomes,
            Duration elapsed) {

        double acceptedPerSecond() {
            return elapsed.isZero() ? 0 : accepted / (elapsed.toNanos() / 1e9);
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PLATFORM = "platform";

    private final Api api;
    private final URI ballotsUrl;
    private final URI batchUrl;
    private final URI ceilingUrl;
    private final String runId;
    private final int actions;
    private final long startNanos;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLongArray votes;
    private final long[] acceptedAt;
    private final AtomicLongArray acceptedVoters;
    private final AtomicInteger slots = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> unknown = new ConcurrentLinkedQueue<>();
    private final LongAdder lateAccepted = new LongAdder();

    BallotLoad(
            Api api, String commandUrl, String votationId, String runId, int actions, int capacity, long startNanos) {
        this.api = api;
        String ballots = commandUrl + "/api/votations/" + votationId + "/ballots";
        this.ballotsUrl = URI.create(ballots);
        this.batchUrl = URI.create(ballots + ":batch");
        this.ceilingUrl = URI.create(ballots + ":http-ceiling");
        this.runId = runId;
        this.actions = actions;
        this.startNanos = startNanos;
        this.votes = new AtomicLongArray(actions + 1);
        this.acceptedAt = new long[capacity];
        this.acceptedVoters = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            acceptedVoters.set(i, -1);
        }
    }

    long accepted() {
        return accepted.get();
    }

    /** Accepted votes per action, as the client counted them (index = action number). */
    long[] votesPerAction() {
        long[] copy = new long[actions + 1];
        for (int a = 1; a <= actions; a++) {
            copy[a] = votes.get(a);
        }
        return copy;
    }

    /** When each accepted ballot's 201 came back, in nanoseconds since the run started, sorted. */
    long[] acceptanceTimes() {
        long[] times = Arrays.copyOf(acceptedAt, slots.get());
        Arrays.sort(times);
        return times;
    }

    private volatile String lastRefusal = "";
    private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

    /** The first few 5xx answers, as received. */
    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    /** The last refusal's status and problem document, to explain an aborted run. */
    String lastRefusal() {
        return lastRefusal;
    }

    long unknownOutcomes() {
        return unknown.size();
    }

    long lateAccepted() {
        return lateAccepted.sum();
    }

    /**
     * New voters {@code first … first+count-1} from {@code clients} threads. With a duplicate share,
     * that share of the requests are re-sent ballots of voters already accepted (which must be refused).
     */
    Phase send(String name, long first, long count, int clients, double duplicateShare) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        LongAdder requests = new LongAdder();
        LongAdder acceptedHere = new LongAdder();
        LongAdder duplicatesSent = new LongAdder();
        LongAdder duplicatesRefused = new LongAdder();
        LongAdder duplicatesAccepted = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long every = duplicateShare > 0 ? Math.max(1, Math.round(1 / duplicateShare)) : 0;
        long started = System.nanoTime();
        runClients(name, clients, () -> {
            long k;
            while ((k = next.getAndIncrement()) < count) {
                if (every > 0 && k % every == every - 1) {
                    long voter = anAcceptedVoter();
                    if (voter >= 0) {
                        duplicatesSent.increment();
                        requests.increment();
                        String outcome = sendOnce(voter, false);
                        count(outcomes, "duplicate " + outcome);
                        if (outcome.startsWith("409 already-voted")) {
                            duplicatesRefused.increment();
                        } else if (outcome.startsWith("2")) {
                            duplicatesAccepted.increment();
                        }
                    }
                }
                requests.increment();
                String outcome = sendOnce(first + k, true);
                count(outcomes, outcome);
                if (outcome.startsWith("2")) {
                    acceptedHere.increment();
                }
            }
        });
        return phase(
                name,
                requests.sum(),
                acceptedHere.sum(),
                duplicatesSent.sum(),
                duplicatesRefused.sum(),
                duplicatesAccepted.sum(),
                outcomes,
                System.nanoTime() - started);
    }

    /**
     * The HTTP ceiling: {@code count} ballot requests of voters {@code first…} sent as {@link #send} sends
     * them, from as many clients, to the endpoint that authenticates and parses a ballot and appends
     * nothing ({@code …/ballots:http-ceiling}). Counts the requests answered 2xx; records no ballot.
     */
    Phase ceiling(String name, long first, long count, int clients) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        LongAdder answered = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        runClients(name, clients, () -> {
            long k;
            while ((k = next.getAndIncrement()) < count) {
                String outcome;
                try {
                    Api.Response response =
                            api.post(ceilingUrl, PLATFORM, Ballots.body(runId, first + k, actions), TIMEOUT);
                    outcome = response.ok()
                            ? String.valueOf(response.status())
                            : response.status() + " " + response.code();
                } catch (IOException e) {
                    outcome = "no answer: " + e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                count(outcomes, outcome);
                if (outcome.startsWith("2")) {
                    answered.increment();
                }
            }
        });
        return phase(name, count, answered.sum(), 0, 0, 0, outcomes, System.nanoTime() - started);
    }

    /**
     * New voters {@code first … first+count-1} relayed in batches of {@code batchSize}
     * ({@code POST …/ballots:batch}) from {@code clients} threads. Each ballot's own answer counts: 201
     * accepted, a 4xx a refusal; a batch without an answer (or a ballot answered 5xx) leaves its ballots
     * unknown, settled after the load like single ones. Outcomes are counted per ballot.
     */
    Phase sendBatches(String name, long first, long count, int clients, int batchSize) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        LongAdder acceptedHere = new LongAdder();
        LongAdder ballotsSent = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        runClients(name, clients, () -> {
            long from;
            while ((from = next.getAndAdd(batchSize)) < count) {
                int size = (int) Math.min(batchSize, count - from);
                StringBuilder body = new StringBuilder(size * 110).append("{\"ballots\":[");
                for (int i = 0; i < size; i++) {
                    body.append(i == 0 ? "" : ",").append(Ballots.body(runId, first + from + i, actions));
                }
                body.append("]}");
                ballotsSent.add(size);
                Api.Response response = null;
                try {
                    response = api.post(batchUrl, PLATFORM, body.toString(), TIMEOUT);
                } catch (IOException e) {
                    // no answer: every ballot of the batch is unknown
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (response == null || response.status() != 200) {
                    for (int i = 0; i < size; i++) {
                        unknown.add(first + from + i);
                    }
                    count(
                            outcomes,
                            response == null
                                    ? "batch without answer"
                                    : "batch " + response.status() + " " + response.code(),
                            size);
                    if (response != null) {
                        lastRefusal = response.status() + " " + response.body();
                    }
                    continue;
                }
                acceptedHere.add(settleBatch(response.body(), first + from, outcomes));
            }
        });
        return phase(name, ballotsSent.sum(), acceptedHere.sum(), 0, 0, 0, outcomes, System.nanoTime() - started);
    }

    /** Reads a batch's per-ballot results; returns how many were accepted. */
    private long settleBatch(String body, long firstVoter, Map<String, LongAdder> outcomes) {
        long acceptedHere = 0;
        try {
            long now = System.nanoTime();
            for (com.fasterxml.jackson.databind.JsonNode result :
                    Api.JSON.readTree(body).path("results")) {
                long voter = firstVoter + result.path("index").asLong();
                int status = result.path("status").asInt();
                if (status == 201) {
                    record(voter, now);
                    acceptedHere++;
                    count(outcomes, "201");
                } else {
                    if (status >= 500) {
                        unknown.add(voter);
                    } else {
                        lastRefusal = status + " " + result;
                    }
                    count(outcomes, status + " " + result.path("code").asText());
                }
            }
        } catch (IOException unreadable) {
            count(outcomes, "unreadable batch answer");
        }
        return acceptedHere;
    }

    /** Re-sends {@code count} ballots of already accepted voters: every one must be refused (already-voted). */
    Phase resendAccepted(String name, int count, int clients) throws InterruptedException {
        int available = Math.min(slots.get(), count);
        long[] voters = new long[available];
        for (int i = 0; i < available; i++) {
            long voter;
            while ((voter = acceptedVoters.get(ThreadLocalRandom.current().nextInt(slots.get()))) < 0) {
                Thread.onSpinWait();
            }
            voters[i] = voter;
        }
        return sendFixed(name, voters, clients, false);
    }

    /** Sends ballots of new voters after the close: every one must be refused (votation-not-open). */
    Phase sendLate(String name, long first, int count, int clients) throws InterruptedException {
        long[] voters = new long[count];
        for (int i = 0; i < count; i++) {
            voters[i] = first + i;
        }
        Phase phase = sendFixed(name, voters, clients, true);
        lateAccepted.add(phase.accepted());
        return phase;
    }

    /**
     * Settles the ballots whose outcome was unknown by sending each again: 201 means the first attempt
     * was not committed (it is now), {@code already-voted} that it was (its choices are then counted).
     */
    Phase settleUnknown() {
        LongAdder requests = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        Long voter;
        int attempts = 0;
        while ((voter = unknown.poll()) != null && attempts++ < 100_000) {
            requests.increment();
            String outcome = sendOnce(voter, true);
            count(outcomes, "settled " + outcome);
            if (outcome.startsWith("409 already-voted")) {
                record(voter, System.nanoTime());
            }
        }
        return phase("settle unknown outcomes", requests.sum(), 0, 0, 0, 0, outcomes, System.nanoTime() - started);
    }

    private Phase sendFixed(String name, long[] voters, int clients, boolean countAcceptance)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LongAdder acceptedHere = new LongAdder();
        LongAdder refused = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        runClients(name, Math.min(clients, Math.max(1, voters.length)), () -> {
            int i;
            while ((i = next.getAndIncrement()) < voters.length) {
                String outcome = sendOnce(voters[i], countAcceptance);
                count(outcomes, outcome);
                if (outcome.startsWith("2")) {
                    acceptedHere.increment();
                } else if (outcome.startsWith("4")) {
                    refused.increment();
                }
            }
        });
        boolean duplicates = !countAcceptance;
        return phase(
                name,
                voters.length,
                acceptedHere.sum(),
                duplicates ? voters.length : 0,
                duplicates ? refused.sum() : 0,
                duplicates ? acceptedHere.sum() : 0,
                outcomes,
                System.nanoTime() - started);
    }

    /**
     * One request; returns "201", "409 already-voted", "422 not-on-ballot", "500 …" or "no answer:
     * …". A new voter's 2xx is recorded as accepted; no answer or a 5xx is queued to be settled.
     */
    private String sendOnce(long voter, boolean newVoter) {
        Api.Response response = null;
        String body = Ballots.body(runId, voter, actions);
        boolean retried = false;
        // no answer (connection refused while a service restarts, a time-out): try again for up to two
        // minutes, as a platform would; then the outcome stays unknown and is settled after the load
        for (int attempt = 0; response == null; attempt++) {
            try {
                response = api.post(ballotsUrl, PLATFORM, body, TIMEOUT);
            } catch (IOException e) {
                if (attempt >= 240) {
                    if (newVoter) {
                        unknown.add(voter);
                    }
                    return "no answer: " + e.getClass().getSimpleName();
                }
                retried = true;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        if (retried && newVoter && response.status() == 409 && "already-voted".equals(response.code())) {
            // the attempt that got no answer had been committed
            record(voter, System.nanoTime());
            return "201 (committed before a retry)";
        }
        if (response.ok()) {
            // a re-sent ballot accepted is a violation, but it is in the log: count it all the same
            record(voter, System.nanoTime());
            return String.valueOf(response.status());
        }
        if (response.status() >= 500) {
            if (newVoter) {
                unknown.add(voter);
            }
            if (serverErrors.size() < 5) {
                serverErrors.add(response.status() + " " + response.body());
            }
        }
        lastRefusal = response.status() + " " + response.body();
        return response.status() + " " + response.code();
    }

    private void record(long voter, long nowNanos) {
        for (int choice : Ballots.choices(voter, actions)) {
            votes.incrementAndGet(choice);
        }
        accepted.incrementAndGet();
        int slot = slots.getAndIncrement();
        if (slot < acceptedAt.length) {
            acceptedAt[slot] = nowNanos - startNanos;
            acceptedVoters.set(slot, voter);
        }
    }

    private long anAcceptedVoter() {
        int filled = Math.min(slots.get(), acceptedAt.length);
        for (int tries = 0; filled > 0 && tries < 100; tries++) {
            long voter = acceptedVoters.get(ThreadLocalRandom.current().nextInt(filled));
            if (voter >= 0) {
                return voter;
            }
        }
        return -1;
    }

    private static void count(Map<String, LongAdder> outcomes, String outcome) {
        count(outcomes, outcome, 1);
    }

    private static void count(Map<String, LongAdder> outcomes, String outcome, long times) {
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).add(times);
    }

    /** Runs {@code client} on {@code clients} daemon threads named after the phase; returns when all are done. */
    private static void runClients(String name, int clients, Runnable client) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(client, name + "-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static Phase phase(
            String name,
            long requests,
            long accepted,
            long duplicatesSent,
            long duplicatesRefused,
            long duplicatesAccepted,
            Map<String, LongAdder> outcomes,
            long nanos) {
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        return new Phase(
                name,
                requests,
                accepted,
                duplicatesSent,
                duplicatesRefused,
                duplicatesAccepted,
                counted,
                Duration.ofNanos(nanos));
    }
}
