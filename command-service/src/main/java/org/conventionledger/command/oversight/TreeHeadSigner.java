package org.conventionledger.command.oversight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.conventionledger.command.oversight.KeyringCommands.PublishLedgerKey;
import org.conventionledger.command.oversight.KeyringCommands.RotateLedgerKey;
import org.conventionledger.command.oversight.KeyringCommands.SignTreeHead;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.votation.VotationClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Signs heads of the {@link LedgerTree} with the {@link LedgerSigningKey} and appends them to the log: at
 * the latest {@code ledger.tree-heads.max-merge-delay} after an event was recorded (a head is signed once
 * the oldest event outside every head is half that old, and positions settle within
 * {@code settle-after}, which must stay below the other half), and as soon as the tree covers a
 * session's or a votation's close. Publishes the ledger's public key at start. If the store no longer
 * matches a head already in the log, it signs nothing more and its health is DOWN.
 *
 * <p>It reads the store every {@code tick} while the log grows or a hole is settling, and backs off to
 * {@code idle-tick} (at most a tenth of the merge delay) while nothing happens; a close wakes it at once
 * (ADR-018).
 *
 * <p>Works on the JDBC event store; under Axon Server (no JDBC store) it stays idle and says so.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class TreeHeadSigner implements HealthIndicator {

    /** The actor the ledger's own events record. */
    static final String LEDGER_ACTOR = "ledger";

    static final String LEDGER_ROLE = "LEDGER";
    private static final Logger log = LoggerFactory.getLogger(TreeHeadSigner.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final LedgerSigningKey key;
    private final CommandGateway commands;
    private final Duration maxMergeDelay;
    private final Duration settleAfter;
    private final Duration tick;
    private final Duration idleTick;
    /** The scheduler thread's own: the pause before its next round, doubled while nothing happens. */
    private Duration pause;

    private long sizeAtLastRound = -1;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private volatile LedgerTree tree;
    private volatile String keyProblem;
    private long lastSignedSize = -1;
    /** The position a close asked a head to cover (-1: none); set outside the signing lock. */
    private final AtomicLong closeTarget = new AtomicLong(-1);

    private final AtomicReference<String> closeReason = new AtomicReference<>();

    public TreeHeadSigner(
            ObjectProvider<JdbcTemplate> jdbc,
            ObjectMapper json,
            LedgerSigningKey key,
            CommandGateway commands,
            MeterRegistry meters,
            @Value("${ledger.tree-heads.max-merge-delay:PT5M}") Duration maxMergeDelay,
            @Value("${ledger.tree-heads.settle-after:PT2M}") Duration settleAfter,
            @Value("${ledger.eventstore.transaction-timeout:PT1M}") Duration transactionTimeout,
            @Value("${ledger.tree-heads.tick:PT1S}") Duration tick,
            @Value("${ledger.tree-heads.idle-tick:PT15S}") Duration idleTick) {
        if (settleAfter.multipliedBy(2).compareTo(maxMergeDelay) > 0) {
            throw new IllegalArgumentException("ledger.tree-heads.settle-after (" + settleAfter
                    + ") must be at most half of ledger.tree-heads.max-merge-delay (" + maxMergeDelay + ")");
        }
        // a hole taken for an aborted insert must be one no open transaction can still fill (ADR-004): else a
        // late commit lands under a signed head and reads as tampering
        if (settleAfter.compareTo(transactionTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ledger.tree-heads.settle-after (" + settleAfter
                    + ") must be at least twice ledger.eventstore.transaction-timeout (" + transactionTimeout + ")");
        }
        this.jdbc = jdbc.getIfAvailable();
        this.json = json;
        this.key = key;
        this.commands = commands;
        this.maxMergeDelay = maxMergeDelay;
        this.settleAfter = settleAfter;
        this.tick = tick;
        this.idleTick = idleTick(tick, idleTick, maxMergeDelay);
        this.pause = tick;
        Gauge.builder("ledger.tree.mismatch", () -> mismatch() == null ? 0 : 1)
                .description("1 when the event store no longer matches a signed tree head in the log")
                .register(meters);
        Gauge.builder(
                        "ledger.tree.size",
                        () -> tree == null ? 0 : tree.covered().size())
                .description("events covered by the command side's tree of the log")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (jdbc == null) {
            log.warn("No JDBC event store: tree heads are not signed by this service");
            return;
        }
        String publicKey = key.publicKey();
        try {
            asLedger(() -> commands.sendAndWait(new PublishLedgerKey(
                    Keyring.ID,
                    publicKey,
                    TreeHeads.sign(
                            key.keys().getPrivate(),
                            TreeHeads.possessionText("ledger", TreeHeads.fingerprint(publicKey))),
                    now())));
        } catch (RuntimeException refused) {
            keyProblem = "the ledger key file does not hold the key the log published: " + refused.getMessage();
            log.error("TREE HEADS STOPPED: {}", keyProblem);
            return;
        }
        tree = new LedgerTree(LedgerTree.jdbc(jdbc, json), json, settleAfter, clock);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tree-heads"));
        scheduler.execute(this::round);
    }

    /**
     * The longest pause of an idle signer: what it adds at most to the time before a head is signed, so kept
     * to a tenth of the merge delay, and never shorter than the tick.
     */
    static Duration idleTick(Duration tick, Duration configured, Duration maxMergeDelay) {
        Duration capped =
                configured.compareTo(maxMergeDelay.dividedBy(10)) > 0 ? maxMergeDelay.dividedBy(10) : configured;
        return capped.compareTo(tick) < 0 ? tick : capped;
    }

    /** One round, then the next after {@code tick}, or after twice the last pause while nothing happens. */
    private void round() {
        boolean quiet = tickSafely();
        Duration doubled = pause.multipliedBy(2);
        pause = !quiet ? tick : doubled.compareTo(idleTick) > 0 ? idleTick : doubled;
        try {
            scheduler.schedule(this::round, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the service is stopping
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @EventHandler
    void on(SessionClosed event) {
        afterCommit("session closed");
    }

    @EventHandler
    void on(VotationClosed event) {
        afterCommit("votation closed");
    }

    private void afterCommit(String reason) {
        if (jdbc == null) {
            return;
        }
        CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> {
            try {
                requestHead(reason);
            } catch (RuntimeException e) {
                log.warn("Tree heads: the head after a close is left to the merge delay: {}", e.toString());
            }
        }));
    }

    /**
     * A head covering everything committed so far is wanted, for {@code reason}. Not under the signing
     * lock: a close must not wait while the tree reads the store.
     */
    void requestHead(String reason) {
        Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        closeReason.compareAndSet(null, reason);
        closeTarget.accumulateAndGet(last == null ? 0 : last, Math::max);
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            try {
                current.execute(this::tickSafely); // an idle signer's pause is not to delay a close's head
            } catch (RejectedExecutionException stopped) {
                // the service is stopping
            }
        }
    }

    /** A round; true when it found nothing to do (so the signer may pause longer), false too if it failed. */
    private boolean tickSafely() {
        try {
            return tick();
        } catch (RuntimeException e) {
            log.warn("Tree heads: this round failed, the next one retries: {}", e.toString());
            return false;
        }
    }

    /**
     * One round: extend the tree, then sign if a close or the merge delay asks for it. True when nothing
     * happened: the tree did not grow, no hole is settling, no close is waiting.
     */
    synchronized boolean tick() {
        if (tree == null) {
            return true;
        }
        LedgerTree.Covered covered = tree.advance();
        if (tree.mismatch() != null) {
            return true;
        }
        boolean quiet = covered.size() == sizeAtLastRound && !tree.settling();
        sizeAtLastRound = covered.size();
        long target = closeTarget.get();
        if (target >= 0 && covered.position() >= target) {
            String reason = closeReason.getAndSet(null);
            closeTarget.compareAndSet(target, -1);
            if (covered.size() != lastSignedSize) {
                sign(covered, reason == null ? "session or votation closed" : reason);
            }
            return false;
        }
        if (covered.size() == lastSignedSize) {
            return quiet && closeTarget.get() < 0;
        }
        Instant oldest = tree.oldestUnsigned();
        if (oldest != null && !oldest.isAfter(now().minus(maxMergeDelay.dividedBy(2)))) {
            sign(covered, "maximum merge delay " + maxMergeDelay);
            return false;
        }
        return quiet && closeTarget.get() < 0;
    }

    /** Signs a head over what the tree covers now (for an organiser's request, or tests). */
    public synchronized LedgerTree.Covered signNow(String reason) {
        if (tree == null) {
            throw new IllegalStateException("tree heads are not signed here: " + keyProblem);
        }
        LedgerTree.Covered covered = tree.advance();
        if (tree.mismatch() == null && covered.size() != lastSignedSize) {
            sign(covered, reason);
        }
        return covered;
    }

    private void sign(LedgerTree.Covered covered, String reason) {
        Instant signedAt = now();
        String signature = TreeHeads.sign(
                key.keys().getPrivate(),
                TreeHeads.headText(covered.size(), covered.position(), covered.root(), signedAt.toString()));
        asLedger(() -> commands.sendAndWait(new SignTreeHead(
                Keyring.ID,
                Commands.newId(),
                covered.size(),
                covered.position(),
                covered.root(),
                signedAt,
                reason,
                signature,
                tree.emptyPositions(covered.position()))));
        tree.signed(covered.size(), covered.position(), covered.root());
        lastSignedSize = covered.size();
    }

    /** Hands over to a fresh key, signed by the current one; returns the new key's fingerprint. */
    public synchronized String rotate() throws IOException {
        KeyPair next = LedgerSigningKey.generate();
        String publicKey = TreeHeads.encode(next.getPublic());
        String oldKeyId = TreeHeads.fingerprint(key.publicKey());
        Instant rotatedAt = now();
        String signature = TreeHeads.sign(
                key.keys().getPrivate(), TreeHeads.rotationText(oldKeyId, publicKey, rotatedAt.toString()));
        String proof =
                TreeHeads.sign(next.getPrivate(), TreeHeads.possessionText("ledger", TreeHeads.fingerprint(publicKey)));
        commands.sendAndWait(new RotateLedgerKey(Keyring.ID, publicKey, proof, rotatedAt, signature));
        key.replaceWith(next);
        return TreeHeads.fingerprint(publicKey);
    }

    /** Why the store no longer matches a head in the log, or null. */
    public String mismatch() {
        LedgerTree current = tree;
        return current == null ? keyProblem : current.mismatch();
    }

    @Override
    public Health health() {
        String mismatch = mismatch();
        if (mismatch != null) {
            return Health.down().withDetail("treeHeads", mismatch).build();
        }
        LedgerTree current = tree;
        return Health.up()
                .withDetail("treeSize", current == null ? 0 : current.covered().size())
                .build();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void asLedger(Runnable send) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(
                LEDGER_ACTOR, null, List.of(new SimpleGrantedAuthority("ROLE_" + LEDGER_ROLE))));
        SecurityContextHolder.setContext(context);
        try {
            send.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
