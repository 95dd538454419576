package org.conventionledger.command.recruitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SourceListFrozen;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.conventionledger.rules.sortition.ListFingerprint;

/**
 * One source list (electoral roll, a landlord's tenants…): the pseudonymous ids of the residents on it.
 * Rules: residents are added in batches until the list is frozen, each person once; a list is frozen only
 * after a draw committed to its seed (so the seed cannot be chosen knowing the final lists), and only
 * with someone on it. Freezing logs the list's fingerprint ({@link ListFingerprint}).
 */
@Aggregate
public class SourceList {

    static final int MAX_BATCH = 5_000;

    @AggregateIdentifier
    private String listId;

    private String conventionId;
    private final Set<String> residents = new HashSet<>();
    private int batches;
    private boolean frozen;

    protected SourceList() {
        // for Axon
    }

    @CommandHandler
    public SourceList(RegisterSourceList command, ConventionRegister conventions) {
        if (!conventions.conventionExists(command.conventionId())) {
            throw RuleViolation.notFound("unknown-convention", "No convention " + command.conventionId() + ".");
        }
        require(command.name() != null && !command.name().isBlank(), "name-required", "A source list needs a name.");
        require(
                command.kind() != null && !command.kind().isBlank(),
                "kind-required",
                "Say what kind of list it is (electoral-roll, tenants, students…).");
        apply(new SourceListRegistered(command.conventionId(), command.listId(), command.name(), command.kind()));
    }

    @CommandHandler
    public void handle(ListResidents command) {
        requireOpen();
        require(
                command.residents() != null && !command.residents().isEmpty(),
                "residents-required",
                "List at least one resident.");
        require(
                command.residents().size() <= MAX_BATCH,
                "batch-too-large",
                "At most " + MAX_BATCH + " residents per batch.");
        List<ListedResident> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ListedResident resident : command.residents()) {
            require(
                    resident.personId() != null
                            && resident.identity() != null
                            && resident.personId().equals(resident.identity().personId()),
                    "sealed-identity-required",
                    "Each resident needs a person id and an identity sealed with that person's key.");
            if (!residents.contains(resident.personId()) && seen.add(resident.personId())) {
                added.add(resident);
            }
        }
        if (added.isEmpty()) {
            throw RuleViolation.conflict("already-listed", "Every resident of this batch is already on the list.");
        }
        apply(new ResidentsListed(conventionId, listId, batches + 1, List.copyOf(added)));
    }

    @CommandHandler
    public void handle(FreezeSourceList command, RecruitmentRegister register) {
        requireOpen();
        if (residents.isEmpty()) {
            throw RuleViolation.unprocessable("list-empty", "An empty list cannot be frozen.");
        }
        boolean committed =
                register.list(listId).map(RecruitmentRegister.ListState::drawId).isPresent();
        if (!committed) {
            throw RuleViolation.conflict(
                    "seed-not-committed",
                    "Plan the draw (with its seed commitment) before" + " freezing list " + listId
                            + ": the seed must be fixed before the lists are final.");
        }
        apply(new SourceListFrozen(conventionId, listId, residents.size(), ListFingerprint.of(listId, residents)));
    }

    @EventSourcingHandler
    void on(SourceListRegistered event) {
        listId = event.listId();
        conventionId = event.conventionId();
    }

    @EventSourcingHandler
    void on(ResidentsListed event) {
        batches = event.batch();
        event.residents().forEach(r -> residents.add(r.personId()));
    }

    @EventSourcingHandler
    void on(SourceListFrozen event) {
        frozen = true;
    }

    private void requireOpen() {
        if (frozen) {
            throw RuleViolation.conflict("list-frozen", "Source list " + listId + " is frozen.");
        }
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw RuleViolation.unprocessable(code, message);
        }
    }
}
