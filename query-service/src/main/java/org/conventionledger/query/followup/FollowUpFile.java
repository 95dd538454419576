package org.conventionledger.query.followup;

import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A convention's actions after the votation, as stored: one document per convention (some forty
 * actions), so the monitoring body's view is one read and every event of a convention updates one
 * document in log order. Dates are ISO strings, amounts plain decimal strings (exact, whatever the
 * driver would make of a {@code BigDecimal}); enums by name.
 */
@Document("follow-ups")
public class FollowUpFile implements Absorbing {

    @Id
    String conventionId;

    @Version
    Long version;

    LogPosition absorbed;

    /** Whether the convention's opening was seen: the read side knows the convention. */
    boolean opened;

    String title;
    List<FollowedAction> actions = new ArrayList<>();

    /** One action sheet: what the convention wrote, then what the city did with it. */
    public static class FollowedAction {
        String actionId;
        int number;
        String title;
        String transition;
        String topic;
        boolean finalised;
        String answer;
        String relayedTo;
        String reason;
        String deliberationReference;
        String answeredOn;
        String department;
        String dueBy;
        String status;
        List<StatusStep> statusHistory = new ArrayList<>();
        List<BudgetStep> budgetHistory = new ArrayList<>();
    }

    public static class StatusStep {
        String status;
        String note;
        String on;
    }

    /** The planned budget (no reason), then each revision. */
    public static class BudgetStep {
        String budget;
        String reason;
        String on;
    }

    /** The action's entry, created on its first mention. */
    static FollowUpFile of(String conventionId) {
        FollowUpFile file = new FollowUpFile();
        file.conventionId = conventionId;
        return file;
    }

    FollowedAction action(String actionId) {
        return actions.stream()
                .filter(a -> a.actionId.equals(actionId))
                .findFirst()
                .orElseGet(() -> {
                    FollowedAction action = new FollowedAction();
                    action.actionId = actionId;
                    actions.add(action);
                    return action;
                });
    }

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
