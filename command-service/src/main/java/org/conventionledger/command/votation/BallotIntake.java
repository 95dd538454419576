package org.conventionledger.command.votation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.platform.SecretVote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records voters' ballots in groups (ADR-008): requests queue their ballots here, one writer takes up to
 * {@value #MAX_GROUP} of them at a time, checks each against the rules ({@link BallotRules}, the votation
 * read once per group from its register), and appends the accepted ones' events in one unit of work, one
 * transaction, through Axon's event store; every request is answered when its group commits. A ballot
 * that breaks a rule is refused on its own and writes nothing.
 *
 * <p>One ballot per voter is still the store's uniqueness of (voter's stream, sequence 0): a second ballot
 * of the same voter in one group is refused before the append; one whose stream another path (or an earlier
 * group) already holds makes the group's append fail on the unique key, and the group is appended again
 * without the voters the store says have voted ({@value #REGROUPS} times at most, then ballot by ballot).
 * Any other failure of the store rolls the whole group back and answers each of its ballots
 * {@link BallotNotRecorded}.
 */
@Component
public class BallotIntake {

    /** The most ballots one transaction appends. */
    public static final int MAX_GROUP = 256;
    /** The aggregate type voters' ballot streams have always been stored under, whatever the class's name. */
    static final String STREAM_TYPE = "OnlineBallot";
    /** Ballots waiting for the writer; a request waits for room beyond that (back-pressure on the callers). */
    private static final int QUEUE_CAPACITY = 16 * MAX_GROUP;
    /** How long a ballot waits for room in the queue before it is answered {@link BallotNotRecorded}. */
    private static final long QUEUE_WAIT_SECONDS = 10;
    /** How many times a group is appended again without the voters found to have voted, before going one by one. */
    private static final int REGROUPS = 3;
    /** How long the writer waits, at most, for a group to reach the size of the previous one (ADR-017). */
    static final Duration LINGER = Duration.ofMillis(4);
    /** The property that sets it; zero never waits. */
    static final String LINGER_PROPERTY = "ledger.ballots.linger";

    private static final Logger log = LoggerFactory.getLogger(BallotIntake.class);

    /**
     * A ballot for the intake.
     *
     * @param command a {@link CastOnlineBallot} or a {@link CheckOffPaperVoter}
     * @param channel what its event names instead of the voter ({@link SecretVote#channel})
     */
    public record Ballot(SecretVote command, Actor channel) {

        public Ballot {
            if (!(command instanceof CastOnlineBallot) && !(command instanceof CheckOffPaperVoter)) {
                throw new IllegalArgumentException(
                        "Not a ballot: " + command.getClass().getSimpleName());
            }
        }

        String streamId() {
            return command instanceof CastOnlineBallot online
                    ? online.ballotId()
                    : ((CheckOffPaperVoter) command).ballotId();
        }

        String votationId() {
            return command instanceof CastOnlineBallot online
                    ? online.votationId()
                    : ((CheckOffPaperVoter) command).votationId();
        }
    }

    /** The store refused a group for another reason than a voter's stream: nothing of the ballot was written. */
    public static final class BallotNotRecorded extends RuntimeException {
        BallotNotRecorded(Throwable cause) {
            super("The ballot could not be recorded (nothing was written); send it again.", cause);
        }
    }

    private record Pending(Ballot ballot, CompletableFuture<Object> answer) {}

    private record Candidate(Pending pending, DomainEventMessage<?> event) {}

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final VotationRegister register;
    private final DistributionSummary groupSizes;
    private final long lingerNanos;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer = new Thread(this::drain, "ballot-intake");
    private volatile boolean running = true;

    @Autowired
    public BallotIntake(
            EventStore eventStore,
            TransactionManager transactions,
            VotationRegister register,
            MeterRegistry meters,
            @Value("${" + LINGER_PROPERTY + ":PT0.004S}") Duration linger) {
        this.lingerNanos = linger.toNanos();
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.register = register;
        this.groupSizes = DistributionSummary.builder("ledger.ballots.group.size")
                .description("Ballots checked per group commit of the ballot intake")
                .register(meters);
    }

    BallotIntake(
            EventStore eventStore, TransactionManager transactions, VotationRegister register, MeterRegistry meters) {
        this(eventStore, transactions, register, meters, LINGER);
    }

    @PostConstruct
    void start() {
        writer.setDaemon(true);
        writer.start();
    }

    /** Answers what is queued, then stops the writer; requests still in flight were let finish before. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }

    /**
     * Queues the ballots, waiting for room if the queue is full (a ballot that found none within
     * {@value #QUEUE_WAIT_SECONDS} s is answered {@link BallotNotRecorded}). Each answer completes when its
     * group commits: with the ballot's event, or exceptionally with the {@link RuleViolation} that refused
     * it or {@link BallotNotRecorded}.
     */
    public List<CompletableFuture<Object>> submit(List<Ballot> ballots) throws InterruptedException {
        List<CompletableFuture<Object>> answers = new ArrayList<>(ballots.size());
        for (Ballot ballot : ballots) {
            if (!running) {
                throw new IllegalStateException("The ballot intake is stopping");
            }
            CompletableFuture<Object> answer = new CompletableFuture<>();
            if (!queue.offer(new Pending(ballot, answer), QUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                answer.completeExceptionally(new BallotNotRecorded(null));
            }
            answers.add(answer);
        }
        return answers;
    }

    private void drain() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        int previous = 1;
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                linger(group, previous);
                previous = group.size();
                write(group);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // never leave a caller waiting, nor the writer dead
                log.error(
                        "The ballot intake failed a group: {}",
                        unexpected.getClass().getName());
                group.forEach(p -> p.answer().completeExceptionally(new BallotNotRecorded(unexpected)));
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Under load, waits up to the linger ({@value #LINGER_PROPERTY}, 4 ms by default) for the group to be as
     * large as the previous one: a commit costs much the same whatever its size (on H2 a chunk written and
     * compressed, the log's last pages rewritten), so fewer, larger groups cost less per ballot (ADR-017).
     * After a group of one ballot it does not wait: under light load a ballot's latency stays one commit.
     */
    private void linger(List<Pending> group, int previous) throws InterruptedException {
        int wanted = Math.min(previous, MAX_GROUP);
        long deadline = System.nanoTime() + lingerNanos;
        while (group.size() < wanted && running) {
            Pending next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, MAX_GROUP - group.size());
        }
    }

    /** Checks and appends these ballots as one group, on the caller's thread (for tests). */
    List<CompletableFuture<Object>> writeAsOneGroup(List<Ballot> ballots) {
        List<Pending> group = ballots.stream()
                .map(b -> new Pending(b, new CompletableFuture<>()))
                .toList();
        write(group);
        return group.stream().map(Pending::answer).toList();
    }

    /** Checks and appends one group; answers every ballot of it. */
    private void write(List<Pending> group) {
        groupSizes.record(group.size());
        Instant now = GenericEventMessage.clock.instant();
        Map<String, Optional<VotationRegister.Entry>> votations = new HashMap<>();
        Map<List<String>, Boolean> talliedDesks = new HashMap<>();
        Set<String> streams = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>(group.size());
        for (Pending pending : group) {
            Ballot ballot = pending.ballot();
            try {
                Optional<VotationRegister.Entry> votation =
                        votations.computeIfAbsent(ballot.votationId(), register::votation);
                Object event = ballot.command() instanceof CastOnlineBallot online
                        ? BallotRules.online(online, votation, now)
                        : BallotRules.paper(
                                (CheckOffPaperVoter) ballot.command(),
                                votation,
                                (v, desk) -> talliedDesks.computeIfAbsent(
                                        List.of(v, desk),
                                        key -> register.deskState(v, desk).isPresent()));
                if (!streams.add(ballot.streamId())) {
                    throw BallotRules.alreadyVoted(null);
                }
                candidates.add(new Candidate(pending, message(ballot, event, now)));
            } catch (RuleViolation refused) {
                pending.answer().completeExceptionally(refused);
            } catch (RuntimeException failed) {
                pending.answer().completeExceptionally(new BallotNotRecorded(failed));
            }
        }
        append(candidates);
    }

    /**
     * Appends the group; if the store refuses it, asks the store which of its voters have voted (the unique
     * key that failed is not reported the same way by every database and driver): those are answered
     * {@code already-voted} and the rest appended again. If none has voted, the store failed for another
     * reason and the group, rolled back, is answered {@link BallotNotRecorded}.
     */
    private void append(List<Candidate> candidates) {
        List<Candidate> group = candidates;
        for (int attempt = 0; !group.isEmpty(); attempt++) {
            try {
                commit(group);
                group.forEach(c -> c.pending().answer().complete(c.event().getPayload()));
                return;
            } catch (RuntimeException refused) {
                List<Candidate> free = withoutVoters(group, refused);
                if (free.size() == group.size()) {
                    // the class only: a store's message may quote a voter's stream id
                    log.error(
                            "A group of {} ballots was rolled back: {}",
                            group.size(),
                            refused.getClass().getName());
                    fail(free, refused);
                    return;
                }
                if (attempt == REGROUPS) {
                    oneByOne(free);
                    return;
                }
                group = free;
            }
        }
    }

    /**
     * The candidates whose stream the store does not hold; the others are answered {@code already-voted}.
     * If the store cannot even say, every candidate is failed and none is returned.
     */
    private List<Candidate> withoutVoters(List<Candidate> group, RuntimeException refused) {
        List<Candidate> free = new ArrayList<>(group.size());
        List<Candidate> voted = new ArrayList<>();
        try {
            for (Candidate candidate : group) {
                boolean held = eventStore
                        .lastSequenceNumberFor(candidate.event().getAggregateIdentifier())
                        .isPresent();
                (held ? voted : free).add(candidate);
            }
        } catch (RuntimeException unreachable) {
            log.error(
                    "A group of {} ballots was rolled back and the store is unreachable: {}",
                    group.size(),
                    unreachable.getClass().getName());
            fail(group, refused);
            return List.of();
        }
        voted.forEach(c -> c.pending().answer().completeExceptionally(BallotRules.alreadyVoted(null)));
        return free;
    }

    private void oneByOne(List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            try {
                commit(List.of(candidate));
                candidate.pending().answer().complete(candidate.event().getPayload());
            } catch (RuntimeException refused) {
                if (!withoutVoters(List.of(candidate), refused).isEmpty()) {
                    fail(List.of(candidate), refused);
                }
            }
        }
    }

    private static void fail(List<Candidate> candidates, RuntimeException cause) {
        candidates.forEach(c -> c.pending().answer().completeExceptionally(new BallotNotRecorded(cause)));
    }

    /** One unit of work, one transaction: the events, and the registers' rows they cause, or nothing. */
    private void commit(List<Candidate> candidates) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            eventStore.publish(candidates.stream()
                    .<DomainEventMessage<?>>map(Candidate::event)
                    .toList());
        } catch (RuntimeException failed) {
            unitOfWork.rollback(failed);
            throw failed;
        }
        unitOfWork.commit();
    }

    /**
     * Sequence 0 of the voter's stream, named by its channel only; its correlation and trace ids are its
     * own, so that nothing ties the vote to the caller's other requests. Its event id is time-ordered
     * ({@link #orderedId}).
     */
    private static DomainEventMessage<?> message(Ballot ballot, Object event, Instant now) {
        String ownId = UUID.randomUUID().toString();
        Map<String, Object> metaData = new HashMap<>(ballot.channel().asMetaData());
        metaData.put("correlationId", ownId);
        metaData.put("traceId", ownId);
        return new GenericDomainEventMessage<>(
                STREAM_TYPE, ballot.streamId(), 0L, event, metaData, orderedId(now), now);
    }

    /**
     * A version 7 UUID (RFC 9562): the instant's milliseconds, then 74 random bits. The store's unique index
     * of event ids then takes a group's ids on its last page, where random ids rewrote a page of it for
     * every ballot (ADR-017). It tells nothing the event does not: its timestamp is that instant.
     */
    static String orderedId(Instant at) {
        UUID random = UUID.randomUUID();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        // the random UUID's low half already carries the RFC 4122 variant bits, which version 7 keeps
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }
}
