package org.conventionledger.command.deliberation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteClosed;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.rules.judgment.MajorityJudgment;

/**
 * The convention's topics and the members' majority-judgment votes: an entity (an Axon aggregate member) of
 * the {@code Convention} aggregate, whose stream it shares, so the log's events keep their aggregate type.
 * Its rules: who may judge (seated members, of the vote's assembly when it has one; once each), what a
 * judgment is (one grade per option), how a vote closes (ranked by {@link MajorityJudgment}, the best
 * {@code seats} options chosen) and that an assembly chooses a topic's title once, directly or by a vote.
 * Who sits in which assembly comes from the recruitment events of the same stream, replayed here too.
 */
public final class JudgmentVotes {

    private final Map<String, JudgmentVote> votes = new HashMap<>();
    private final Set<String> topicTitles = new HashSet<>();
    private final Map<String, Transition> sittingMembers = new HashMap<>();
    private String conventionId;
    private Set<Transition> assemblies = Set.of();

    @CommandHandler
    void handle(ChooseTopic command) {
        requireAssembly(command.assembly());
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.unprocessable("title-required", "A topic needs a title.");
        }
        requireNewTopic(command.assembly(), command.title());
        apply(new TopicChosen(conventionId, command.topicId(), command.assembly(), command.title()));
    }

    @CommandHandler
    void handle(OpenJudgmentVote command, DeliberationRegister register) {
        if (command.assembly() != null) {
            requireAssembly(command.assembly());
        }
        JudgmentVoteOpened opened = open(command, register);
        if (opened.purpose() == VotePurpose.TOPIC_CHOICE) {
            for (VoteOption candidate : opened.options()) {
                requireNewTopic(opened.assembly(), candidate.label());
            }
        }
        apply(opened);
    }

    @CommandHandler
    void handle(CastJudgment command) {
        apply(cast(command, sittingMembers.get(command.memberId())));
    }

    @CommandHandler
    void handle(CloseJudgmentVote command) {
        JudgmentVoteClosed closed = close(command);
        JudgmentVote vote = votes.get(command.voteId());
        boolean choosesTopics = vote.purpose == VotePurpose.TOPIC_CHOICE;
        if (choosesTopics) {
            // another vote or a direct choice may have taken a title since this vote opened
            closed.chosen().forEach(chosen -> requireNewTopic(vote.assembly, vote.label(chosen)));
        }
        apply(closed);
        if (choosesTopics) {
            for (String chosen : closed.chosen()) {
                apply(new TopicChosen(conventionId, chosen, vote.assembly, vote.label(chosen)));
            }
        }
    }

    private JudgmentVoteOpened open(OpenJudgmentVote command, DeliberationRegister register) {
        if (votes.containsKey(command.voteId())) {
            throw RuleViolation.conflict("vote-exists", "Vote " + command.voteId() + " exists.");
        }
        if (command.purpose() == null) {
            throw RuleViolation.unprocessable(
                    "purpose-required", "Say what the vote decides: TOPIC_CHOICE or PRIORITISATION.");
        }
        List<String> grades = command.grades();
        if (grades == null
                || grades.size() < 2
                || grades.stream().anyMatch(g -> g == null || g.isBlank())
                || Set.copyOf(grades).size() != grades.size()) {
            throw RuleViolation.unprocessable(
                    "invalid-grades",
                    "A majority-judgment vote needs at least two distinct" + " named grades, worst first.");
        }
        List<VoteOption> options = command.options();
        if (options == null
                || options.isEmpty()
                || options.stream()
                        .anyMatch(o -> o == null
                                || o.optionId() == null
                                || o.label() == null
                                || o.label().isBlank())) {
            throw RuleViolation.unprocessable("options-required", "A vote needs options, each with a label.");
        }
        if (options.stream().map(VoteOption::optionId).distinct().count() != options.size()
                || options.stream().map(VoteOption::label).distinct().count() != options.size()) {
            throw RuleViolation.unprocessable("duplicate-option", "Each option appears once.");
        }
        if (command.seats() < 0 || command.seats() > options.size()) {
            throw RuleViolation.unprocessable(
                    "invalid-seats", "A vote chooses between 0 and " + options.size() + " options.");
        }
        if (command.purpose() == VotePurpose.PRIORITISATION && command.seats() != 0) {
            throw RuleViolation.unprocessable(
                    "prioritisation-chooses-nothing",
                    "A prioritisation ranks the action sheets and chooses none: seats must be 0.");
        }
        if (command.purpose() == VotePurpose.TOPIC_CHOICE && (command.assembly() == null || command.seats() < 1)) {
            throw RuleViolation.unprocessable(
                    "topic-choice-needs-assembly",
                    "An assembly chooses its topics: name the assembly and how many topics it chooses.");
        }
        if (command.purpose() == VotePurpose.PRIORITISATION) {
            List<VoteOption> actions = new ArrayList<>();
            for (VoteOption option : options) {
                if (!register.conventionOfAction(option.optionId())
                        .map(conventionId::equals)
                        .orElse(false)) {
                    throw RuleViolation.unprocessable(
                            "unknown-action",
                            "Prioritisation grades action sheets;" + " option " + option.optionId()
                                    + " is not an action of this convention.");
                }
                actions.add(new VoteOption(option.optionId(), register.actionLabel(option.optionId())));
            }
            options = actions;
        }
        return new JudgmentVoteOpened(
                conventionId,
                command.voteId(),
                command.purpose(),
                command.assembly(),
                List.copyOf(grades),
                List.copyOf(options),
                command.seats());
    }

    /** @param memberAssembly the judging member's assembly, or null if they are not a seated member */
    private JudgmentCast cast(CastJudgment command, Transition memberAssembly) {
        JudgmentVote vote = openVote(command.voteId());
        if (memberAssembly == null) {
            throw RuleViolation.unprocessable("not-a-member", command.memberId() + " is not a seated member.");
        }
        if (vote.assembly != null && vote.assembly != memberAssembly) {
            throw RuleViolation.unprocessable(
                    "other-assembly",
                    "Only members of the " + vote.assembly + " assembly judge this vote; " + command.memberId()
                            + " sits in " + memberAssembly + ".");
        }
        if (vote.voters.contains(command.memberId())) {
            throw RuleViolation.conflict("already-judged", command.memberId() + " already judged in this vote.");
        }
        List<Integer> grades = command.grades();
        if (grades == null || grades.size() != vote.options.size()) {
            throw RuleViolation.unprocessable(
                    "grades-per-option", "Give exactly one grade per option (" + vote.options.size() + ").");
        }
        for (Integer grade : grades) {
            if (grade == null || grade < 0 || grade >= vote.grades.size()) {
                throw RuleViolation.unprocessable(
                        "unknown-grade",
                        "Grades are 0 (" + vote.grades.get(0) + ") to " + (vote.grades.size() - 1) + " ("
                                + vote.grades.get(vote.grades.size() - 1) + ").");
            }
        }
        return new JudgmentCast(conventionId, command.voteId(), command.memberId(), List.copyOf(grades));
    }

    private JudgmentVoteClosed close(CloseJudgmentVote command) {
        JudgmentVote vote = openVote(command.voteId());
        if (vote.voters.isEmpty()) {
            throw RuleViolation.unprocessable("no-judgments", "Nobody has judged in this vote yet.");
        }
        List<RankedOption> ranking = new ArrayList<>();
        for (MajorityJudgment.Ranked ranked : MajorityJudgment.rank(vote.talliesByOption())) {
            ranking.add(new RankedOption(
                    ranked.option(),
                    vote.label(ranked.option()),
                    ranked.rank(),
                    vote.grades.get(ranked.medianGrade())));
        }
        List<String> chosen =
                ranking.stream().limit(vote.seats).map(RankedOption::optionId).toList();
        if (vote.seats > 0
                && ranking.size() > vote.seats
                && ranking.get(vote.seats).rank() == ranking.get(vote.seats - 1).rank()) {
            throw RuleViolation.conflict(
                    "tie-at-the-cut",
                    "Options tie exactly for seat " + vote.seats
                            + ": the assembly must decide between them before the vote can close.");
        }
        return new JudgmentVoteClosed(conventionId, command.voteId(), vote.voters.size(), ranking, chosen);
    }

    @EventSourcingHandler
    void on(ConventionOpened event) {
        conventionId = event.conventionId();
        assemblies = EnumSet.copyOf(event.transitions());
    }

    @EventSourcingHandler
    void on(TopicChosen event) {
        topicTitles.add(event.assembly() + "/" + event.title());
    }

    @EventSourcingHandler
    void on(MemberSeated event) {
        sittingMembers.put(event.memberId(), event.assembly());
    }

    @EventSourcingHandler
    void on(MemberWithdrew event) {
        sittingMembers.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MembershipLost event) {
        sittingMembers.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(JudgmentVoteOpened event) {
        votes.put(event.voteId(), new JudgmentVote(event));
    }

    @EventSourcingHandler
    void on(JudgmentCast event) {
        votes.get(event.voteId()).count(event.memberId(), event.grades());
    }

    @EventSourcingHandler
    void on(JudgmentVoteClosed event) {
        votes.get(event.voteId()).open = false;
    }

    private JudgmentVote openVote(String voteId) {
        JudgmentVote vote = votes.get(voteId);
        if (vote == null) {
            throw RuleViolation.notFound("unknown-vote", "No vote " + voteId + " was opened.");
        }
        if (!vote.open) {
            throw RuleViolation.conflict("vote-closed", "Vote " + voteId + " is closed.");
        }
        return vote;
    }

    private void requireNewTopic(Transition assembly, String title) {
        if (topicTitles.contains(assembly + "/" + title)) {
            throw RuleViolation.conflict(
                    "topic-exists", "The " + assembly + " assembly already chose the topic '" + title + "'.");
        }
    }

    private void requireAssembly(Transition assembly) {
        if (assembly == null || !assemblies.contains(assembly)) {
            throw RuleViolation.unprocessable(
                    "unknown-assembly",
                    "This convention has no " + assembly + " assembly; its transitions are " + assemblies + ".");
        }
    }
}
