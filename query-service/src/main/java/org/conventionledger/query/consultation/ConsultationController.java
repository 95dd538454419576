package org.conventionledger.query.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.conventionledger.query.organisation.ConventionSummary;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consultation's results. For the organisers, garants and monitoring body: every call of a
 * convention with every proposal (hidden ones too, with the moderation's reason), votes per stance,
 * arguments and participation. For anyone: a call's visible proposals and their results, without
 * hidden proposals or hidden arguments. Proposals are ranked by net score (for minus against), equal
 * scores sharing a rank. Residents are never named, not even by pseudonym.
 */
@RestController
public class ConsultationController {

    /** Distinct residents who took part (proposed or voted), proposed, voted, argued. */
    public record Participation(long residents, long proposers, long voters, long arguers) {}

    public record ArgumentView(
            String argumentId, String stance, String text, Instant postedAt, boolean hidden, String hiddenReason) {}

    public record ProposalView(
            Integer rank,
            String proposalId,
            String title,
            String text,
            Instant submittedAt,
            boolean hidden,
            String hiddenReason,
            long forVotes,
            long mixedVotes,
            long againstVotes,
            long votes,
            long netScore,
            long voteChanges,
            long argumentsPosted,
            long argumentsHidden,
            List<ArgumentView> arguments) {}

    public record CallView(
            String callId,
            String topicId,
            String topicTitle,
            String title,
            String text,
            List<String> criteria,
            Integer cacVersion,
            Instant opensAt,
            Instant closesAt,
            Instant closedAt,
            String status,
            long proposalsSubmitted,
            long proposalsHidden,
            long votes,
            long forVotes,
            long mixedVotes,
            long againstVotes,
            long voteChanges,
            long argumentsPosted,
            long argumentsHidden,
            Participation participation,
            List<ProposalView> proposals) {}

    public record Totals(
            long calls,
            long proposalsSubmitted,
            long proposalsHidden,
            long votes,
            long forVotes,
            long mixedVotes,
            long againstVotes,
            long voteChanges,
            long argumentsPosted,
            long argumentsHidden) {}

    public record ConsultationView(
            String conventionId, Totals totals, Participation participation, List<CallView> calls) {}

    public record PublicArgument(String argumentId, String stance, String text, Instant postedAt) {}

    public record PublicProposal(
            int rank,
            String proposalId,
            String title,
            String text,
            Instant submittedAt,
            long forVotes,
            long mixedVotes,
            long againstVotes,
            long votes,
            long netScore,
            long argumentsPosted,
            List<PublicArgument> arguments) {}

    public record PublicResults(
            String callId,
            String topicTitle,
            String title,
            String text,
            List<String> criteria,
            Instant opensAt,
            Instant closesAt,
            Instant closedAt,
            String status,
            long proposals,
            long votes,
            Participation participation,
            List<PublicProposal> results) {}

    private static final Comparator<ConsultationProposal> RANKING = Comparator.comparingLong(
                    (ConsultationProposal p) -> -p.netScore())
            .thenComparingLong(p -> -p.votes())
            .thenComparing(p -> p.submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.proposalId);

    private final MongoTemplate mongo;

    public ConsultationController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions/{conventionId}/consultation")
    public ConsultationView consultation(@PathVariable String conventionId) {
        List<ConsultationCall> calls =
                mongo.find(Query.query(Criteria.where("conventionId").is(conventionId)), ConsultationCall.class);
        if (calls.isEmpty() && mongo.findById(conventionId, ConventionSummary.class) == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        calls.sort(
                Comparator.comparing((ConsultationCall c) -> c.opensAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.topicTitle, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.callId));
        Instant now = Instant.now();
        List<CallView> views = new ArrayList<>();
        for (ConsultationCall call : calls) {
            views.add(callView(call, proposalsOf(call.callId), now));
        }
        Totals totals = new Totals(
                views.size(),
                views.stream().mapToLong(CallView::proposalsSubmitted).sum(),
                views.stream().mapToLong(CallView::proposalsHidden).sum(),
                views.stream().mapToLong(CallView::votes).sum(),
                views.stream().mapToLong(CallView::forVotes).sum(),
                views.stream().mapToLong(CallView::mixedVotes).sum(),
                views.stream().mapToLong(CallView::againstVotes).sum(),
                views.stream().mapToLong(CallView::voteChanges).sum(),
                views.stream().mapToLong(CallView::argumentsPosted).sum(),
                views.stream().mapToLong(CallView::argumentsHidden).sum());
        return new ConsultationView(conventionId, totals, participation("conventionId", conventionId), views);
    }

    @GetMapping("/api/public/consultation/calls/{callId}/results")
    public PublicResults results(@PathVariable String callId) {
        ConsultationCall call = mongo.findById(callId, ConsultationCall.class);
        if (call == null || call.conventionId == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-call",
                    "No call for proposals " + callId + " is known (yet) to the read side.");
        }
        Map<String, List<ConsultationArgument>> argued = argumentsOf(callId);
        List<ConsultationProposal> visible = proposalsOf(callId).stream()
                .filter(p -> !p.hidden && p.title != null)
                .sorted(RANKING)
                .toList();
        List<PublicProposal> results = new ArrayList<>();
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < visible.size(); i++) {
            ConsultationProposal p = visible.get(i);
            if (p.netScore() != previous) {
                rank = i + 1;
                previous = p.netScore();
            }
            List<PublicArgument> arguments = argued.getOrDefault(p.proposalId, List.of()).stream()
                    .filter(a -> !a.hidden)
                    .map(a -> new PublicArgument(a.argumentId, a.stance, a.text, a.postedAt))
                    .toList();
            results.add(new PublicProposal(
                    rank,
                    p.proposalId,
                    p.title,
                    p.text,
                    p.submittedAt,
                    p.forVotes,
                    p.mixedVotes,
                    p.againstVotes,
                    p.votes(),
                    p.netScore(),
                    arguments.size(),
                    arguments));
        }
        return new PublicResults(
                callId,
                call.topicTitle,
                call.title,
                call.text,
                call.criteria,
                call.opensAt,
                call.closesAt,
                call.closedAt,
                call.status(Instant.now()),
                results.size(),
                results.stream().mapToLong(PublicProposal::votes).sum(),
                participation("callId", callId),
                results);
    }

    /** A call's arguments by proposal, each proposal's in log order. */
    private Map<String, List<ConsultationArgument>> argumentsOf(String callId) {
        return mongo.find(Query.query(Criteria.where("callId").is(callId)), ConsultationArgument.class).stream()
                .sorted(Comparator.comparingLong((ConsultationArgument a) -> a.position))
                .collect(Collectors.groupingBy(a -> a.proposalId, Collectors.toList()));
    }

    private List<ConsultationProposal> proposalsOf(String callId) {
        return mongo.find(Query.query(Criteria.where("callId").is(callId)), ConsultationProposal.class);
    }

    private CallView callView(ConsultationCall call, List<ConsultationProposal> proposals, Instant now) {
        List<ConsultationProposal> ordered = new ArrayList<>(proposals);
        // visible proposals by rank first, then the hidden ones (unranked)
        ordered.sort(Comparator.comparing((ConsultationProposal p) -> p.hidden).thenComparing(RANKING));
        Map<String, List<ConsultationArgument>> argued = argumentsOf(call.callId);
        List<ProposalView> views = new ArrayList<>();
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < ordered.size(); i++) {
            ConsultationProposal p = ordered.get(i);
            Integer shown = null;
            if (!p.hidden) {
                if (p.netScore() != previous) {
                    rank = i + 1;
                    previous = p.netScore();
                }
                shown = rank;
            }
            List<ArgumentView> arguments = argued.getOrDefault(p.proposalId, List.of()).stream()
                    .map(a -> new ArgumentView(a.argumentId, a.stance, a.text, a.postedAt, a.hidden, a.hiddenReason))
                    .toList();
            views.add(new ProposalView(
                    shown,
                    p.proposalId,
                    p.title,
                    p.text,
                    p.submittedAt,
                    p.hidden,
                    p.hiddenReason,
                    p.forVotes,
                    p.mixedVotes,
                    p.againstVotes,
                    p.votes(),
                    p.netScore(),
                    p.voteChanges,
                    arguments.size(),
                    arguments.stream().filter(ArgumentView::hidden).count(),
                    arguments));
        }
        return new CallView(
                call.callId,
                call.topicId,
                call.topicTitle,
                call.title,
                call.text,
                call.criteria,
                call.cacVersion,
                call.opensAt,
                call.closesAt,
                call.closedAt,
                call.status(now),
                views.size(),
                views.stream().filter(ProposalView::hidden).count(),
                views.stream().mapToLong(ProposalView::votes).sum(),
                views.stream().mapToLong(ProposalView::forVotes).sum(),
                views.stream().mapToLong(ProposalView::mixedVotes).sum(),
                views.stream().mapToLong(ProposalView::againstVotes).sum(),
                views.stream().mapToLong(ProposalView::voteChanges).sum(),
                views.stream().mapToLong(ProposalView::argumentsPosted).sum(),
                views.stream().mapToLong(ProposalView::argumentsHidden).sum(),
                participation("callId", call.callId),
                views);
    }

    /** Distinct pseudonyms of the scope ({@code callId} or {@code conventionId}): counted, never shown. */
    private Participation participation(String field, String value) {
        Set<String> proposers = new HashSet<>(mongo.findDistinct(
                Query.query(
                        Criteria.where(field).is(value).and("authorPseudonym").ne(null)),
                "authorPseudonym",
                ConsultationProposal.class,
                String.class));
        Set<String> voters = new HashSet<>(mongo.findDistinct(
                Query.query(Criteria.where(field).is(value).and("stance").ne(null)),
                "voterPseudonym",
                ResidentStance.class,
                String.class));
        Set<String> arguers = new HashSet<>(mongo.findDistinct(
                Query.query(Criteria.where(field).is(value).and("argued").is(true)),
                "voterPseudonym",
                ResidentStance.class,
                String.class));
        Set<String> residents = new HashSet<>(proposers);
        residents.addAll(voters);
        residents.addAll(arguers);
        return new Participation(residents.size(), proposers.size(), voters.size(), arguers.size());
    }
}
