package org.conventionledger.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.conventionledger.tools.demo.ClermontDemo;
import org.conventionledger.tools.pabulib.PabulibCommand;

/**
 * The {@code ledger} command-line tool ({@code deploy/ledger}): {@code demo} replays the Clermont-Ferrand
 * 2021–22 convention into a running system through its public write API; {@code mj} is the garants'
 * recount of a majority-judgment vote, {@code verify-log} checks an export of the log against its signed
 * tree heads and kept seals, {@code verify-proof} checks an inclusion or consistency proof,
 * {@code verify-draw} re-checks its draws by lot and its panel draw, {@code pabulib-import} and
 * {@code pabulib-export} bring a Pabulib votation in and out, and {@code rebuild} rebuilds a projection
 * with progress. Bad usage exits with code 2.
 */
public final class Ledger {

    private Ledger() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
            usage();
            return;
        }
        if (args.length == 2 && "panel-probabilities".equals(args[0]) && "--timing".equals(args[1])) {
            System.exit(PanelLotteryTiming.run(System.out)); // a flag without a value, unlike every option
        }
        Options options;
        try {
            options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException badUsage) {
            System.err.println(badUsage.getMessage());
            usage();
            System.exit(2);
            return;
        }
        switch (args[0]) {
            case "demo" -> {
                var result = new ClermontDemo(
                                options.get("command-url", "http://localhost:8081"),
                                options.get("query-url", "http://localhost:8082"),
                                Path.of(options.get("accounts", "data/accounts.txt")),
                                System.out::println)
                        .run();
                System.exit(result.matchesPublishedTable() ? 0 : 1);
            }
            case "rebuild" ->
                System.exit(ProjectionRebuildCommand.run(
                        options.get("query-url", "http://localhost:8082"),
                        Path.of(options.get("accounts", "data/accounts.txt")),
                        options.get("projection", null),
                        Duration.ofMinutes(Long.parseLong(options.get("timeout-minutes", "30"))),
                        System.out));
            case "mj" ->
                System.exit(org.conventionledger.tools.verify.MajorityJudgmentRecount.run(
                        options.get("input", null), System.out, System.err));
            case "verify-log" ->
                System.exit(org.conventionledger.tools.verify.LogVerification.run(
                        options.get("export", null), options.all("seal"), System.out, System.err));
            case "verify-proof" ->
                System.exit(org.conventionledger.tools.verify.ProofVerification.run(
                        options.get("proof", null), options.get("head", null), System.out, System.err));
            case "verify-draw" ->
                System.exit(org.conventionledger.tools.verify.DrawVerification.run(
                        options.get("export", null),
                        options.get("draw", null),
                        options.get("selection", null),
                        options.all("panel-record"),
                        System.out,
                        System.err));
            case "panel-probabilities" ->
                System.exit(PanelProbabilitiesCommand.run(
                        options.get("categories", null),
                        options.get("people", null),
                        options.get("size", null),
                        System.out,
                        System.err));
            case "pabulib-import" ->
                System.exit(PabulibCommand.importFile(
                        options.get("file", null),
                        options.get("command-url", "http://localhost:8081"),
                        Path.of(options.get("accounts", "data/accounts.txt")),
                        Integer.parseInt(options.get("threads", "8")),
                        System.out,
                        System.err));
            case "pabulib-export" ->
                System.exit(PabulibCommand.export(
                        options.get("votation", null),
                        options.get("query-url", "http://localhost:8082"),
                        Path.of(options.get("accounts", "data/accounts.txt")),
                        options.get("out", null),
                        System.out,
                        System.err));
            default -> {
                System.err.println("Unknown command: " + args[0]);
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.out.println("""
                usage: ledger COMMAND [--option value]...
                  demo   Load the Clermont-Ferrand 2021-22 convention through the write API and check the
                         ranking against the published table.
                         --command-url URL  (default http://localhost:8081)
                         --query-url URL    (default http://localhost:8082)
                         --accounts FILE    local accounts file (default data/accounts.txt)
                  mj     Recount a majority-judgment vote (for the garants); prints {"ranking":[{"option",
                         "rank","median"}...]} best first, exit code 2 if the input is malformed.
                         --input FILE       {"grades":["worst",...,"best"],
                                             "options":{"name":[count per grade, worst first],...}}
                  verify-log  Check an export of the log (for the garants): recompute the Merkle tree and check
                         every signed tree head, key rotation and countersignature in it, the recorded chain
                         links, and each head or seal a garant kept; prints {"intact","checked",
                         "firstDifference","failingPosition","reason","head","treeSize","treeRoot",
                         "headsVerified","countersignaturesVerified"}, exit code 0 if intact, 1 if not, 2 if a
                         file is unreadable or of another version.
                         --export FILE      the JSON Lines of GET /api/audit/export
                         --seal FILE        (repeatable, optional) a kept tree head or GET /api/audit/seal
                  verify-proof  Check an inclusion or consistency proof of GET /api/audit/tree/inclusion or
                         /consistency; prints {"verified","type","size","root","reason"}, exit code 0 if it
                         verifies, 1 if not, 2 if unreadable.
                         --proof FILE       the proof's JSON
                         --head FILE        (optional) a signed head you hold: the proof must be about it
                  verify-draw  Re-check the draws by lot and the panel draw of an export of the log (for the
                         garants): seed commitments, list fingerprints, re-run draw, lottery and panel;
                         prints one JSON line per draw {"convention","draw","verified","reason","drawn"}
                         and per panel selection, exit code 0 if all verify, 1 if not, 2 if unreadable.
                         --export FILE      the JSON Lines of GET /api/audit/export
                         --draw DRAW_ID     only this draw; --selection SELECTION_ID  only this selection
                         --panel-record FILE  (repeatable) a lottery's panel record the export does not
                                            attach (Axon Server), from GET /api/lottery-records/{sha256}
                  panel-probabilities  Each volunteer's probability of selection under the fair (LEXIMIN)
                         lottery over the panels meeting the quotas; prints {"panelSize","algorithm",
                         "minProbability","probabilities":[one per people row]}, exit code 1 if no panel
                         meets the quotas (naming the conflicting categories), 2 if a file is malformed.
                         --categories FILE  feature,value,min,max[,min_flex,max_flex] or category,feature,min,max
                         --people FILE      a header and a column per category (id, household optional:
                                            at most one volunteer per household key, e.g. the address)
                         --size K           the panel size
                         --timing           alone: times the lottery on generated pools of 250 to 2,000
                                            volunteers beside the legacy greedy method (a benchmark table)
                  pabulib-import  Import a Pabulib approval votation (.pb) through the write API: projects become
                         finalised action sheets, a votation over them, each VOTES row a ballot on its channel
                         (internet: online, paper: paper ballot at desk pabulib-paper); closes it and prints
                         {"conventionId","votationId","projects","online","paper"}.
                         --file F.pb        --command-url URL (default http://localhost:8081)
                         --accounts FILE    (default data/accounts.txt)   --threads N  (default 8)
                  pabulib-export  Write a closed votation as a Pabulib file from the garants' trail (voter_id is
                         the voter's pseudonym); exit code 1 if it has desk tallies (no per-voter ballots).
                         --votation ID      --out F.pb    --query-url URL (default http://localhost:8082)
                         --accounts FILE    (default data/accounts.txt)
                  rebuild  Rebuild a projection from the log (organiser) and report progress until done.
                         --projection NAME  dashboard, rankings, deliberation, recruitment, consultation,
                                           followup, referrals, audit-trail
                         --query-url URL    (default http://localhost:8082)
                         --accounts FILE    (default data/accounts.txt)
                """);
    }

    /** {@code --name value} pairs. */
    record Options(java.util.Map<String, java.util.List<String>> values) {

        static Options parse(String[] args) {
            java.util.Map<String, java.util.List<String>> values = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --name value, got: " + args[i]);
                }
                values.computeIfAbsent(args[i].substring(2), k -> new java.util.ArrayList<>())
                        .add(args[++i]);
            }
            return new Options(values);
        }

        /** The last value given for {@code name}. */
        String get(String name, String fallback) {
            java.util.List<String> given = values.get(name);
            return given == null ? fallback : given.get(given.size() - 1);
        }

        /** Every value given for {@code name}, in order. */
        java.util.List<String> all(String name) {
            return values.getOrDefault(name, java.util.List.of());
        }
    }
}
