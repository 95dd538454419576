package org.conventionledger.command.recruitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.csv.TableReader;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.rules.selection.CategoriesCsv;
import org.conventionledger.rules.selection.Category;
import org.conventionledger.rules.selection.MalformedCsv;
import org.conventionledger.rules.selection.ValueQuota;
import org.conventionledger.rules.sortition.SourceListFile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The panel selection: quotas and seed commitment, the published lottery, the draw, replacements. Quotas
 * come as JSON or as the CSV organisers already use ({@code feature,value,min,max[,min_flex,max_flex]} of
 * the Sortition Foundation, or {@code category,feature,min,max}).
 */
@RestController
@RequestMapping("/api/conventions/{conventionId}/panel")
public class PanelSelectionController {

    private final Commands commands;

    public PanelSelectionController(Commands commands) {
        this.commands = commands;
    }

    public record QuotaRequest(
            @NotBlank @Size(max = 64) String category,
            @NotBlank @Size(max = 64) String value,
            @Min(0) int min,
            @Min(0) int max) {}

    public record SelectionRequest(
            @Min(1) int panelSize,
            @Size(max = Limits.PEOPLE) List<@Valid @NotNull QuotaRequest> quotas,
            @Size(max = 100_000) String quotasCsv,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String seedCommitment) {}

    /** @param publicEntropy randomness made public at the draw, e.g. the dice the bailiff saw rolled */
    public record DrawRequest(
            @NotBlank @Size(max = 200) String seed,
            @NotBlank @Size(max = 200) String publicEntropy) {}

    public record ReplacementRequest(@NotBlank String replacedMemberId) {}

    @PostMapping("/selection")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> define(@PathVariable String conventionId, @Valid @RequestBody SelectionRequest request) {
        String selectionId = Commands.newId();
        commands.send(new DefinePanelSelection(
                conventionId, selectionId, request.panelSize(), quotas(request), request.seedCommitment()));
        return Map.of("selectionId", selectionId);
    }

    /**
     * The quotas as a file (CSV in any usual encoding and separator, or {@code .xlsx}; either layout of
     * {@link CategoriesCsv}), with the panel size and seed commitment as parameters. {@code dryRun=true}
     * answers the quotas read, or the problem, and writes nothing.
     */
    @PostMapping(
            path = "/selection",
            consumes = {"text/*", "application/octet-stream", "application/vnd.ms-excel", TableReader.XLSX_TYPE})
    public ResponseEntity<Map<String, Object>> defineFromFile(
            @PathVariable String conventionId,
            @RequestParam int panelSize,
            @RequestParam String seedCommitment,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String sheet,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        if (panelSize < 1) {
            throw RuleViolation.unprocessable("panelSize", "panelSize must be at least 1.");
        }
        if (!seedCommitment.matches("[0-9a-fA-F]{64}")) {
            throw RuleViolation.unprocessable(
                    "seedCommitment", "seedCommitment must be 64 hexadecimal digits (SHA-256).");
        }
        List<QuotaRange> quotas;
        try {
            quotas = ranges(CategoriesCsv.parse(body, contentType, sheet));
        } catch (MalformedCsv malformed) {
            List<SourceListFile.Problem> problems =
                    List.of(new SourceListFile.Problem(malformed.line(), null, malformed.getMessage()));
            if (!dryRun) {
                throw new RejectedFile("invalid-csv", problems, 1);
            }
            return ResponseEntity.ok(
                    Map.of("dryRun", true, "quotas", List.of(), "problems", problems, "problemCount", 1));
        }
        if (dryRun) {
            return ResponseEntity.ok(
                    Map.of("dryRun", true, "quotas", quotas, "problems", List.of(), "problemCount", 0));
        }
        String selectionId = Commands.newId();
        commands.send(new DefinePanelSelection(conventionId, selectionId, panelSize, quotas, seedCommitment));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("selectionId", selectionId, "quotas", quotas));
    }

    @ExceptionHandler(RejectedFile.class)
    ProblemDetail rejectedFile(RejectedFile rejected) {
        return rejected.problem();
    }

    @PostMapping("/lottery")
    public Map<String, String> computeLottery(@PathVariable String conventionId) {
        commands.send(new ComputePanelLottery(conventionId));
        return Map.of("status", "PUBLISHED");
    }

    @PostMapping("/draw")
    public Map<String, Object> draw(@PathVariable String conventionId, @Valid @RequestBody DrawRequest request) {
        PanelDrawn drawn = commands.send(new DrawPanel(conventionId, request.seed(), request.publicEntropy()));
        return Map.of(
                "status",
                "DRAWN",
                "panelIndex",
                drawn.panelIndex(),
                "selected",
                drawn.selected(),
                "reserve",
                drawn.reserve());
    }

    @PostMapping("/replacements")
    public Map<String, String> callReplacement(
            @PathVariable String conventionId, @Valid @RequestBody ReplacementRequest request) {
        ReplacementCalled called = commands.send(new CallReplacement(conventionId, request.replacedMemberId()));
        return Map.of(
                "replacedMemberId",
                request.replacedMemberId(),
                "personId",
                called.personId(),
                "invitationId",
                called.invitationId());
    }

    private static List<QuotaRange> quotas(SelectionRequest request) {
        boolean json = request.quotas() != null;
        boolean csv = request.quotasCsv() != null && !request.quotasCsv().isBlank();
        if (json == csv) {
            throw RuleViolation.unprocessable("quotas", "Give the quotas either as 'quotas' (JSON) or as 'quotasCsv'.");
        }
        if (json) {
            return request.quotas().stream()
                    .map(q -> new QuotaRange(q.category(), q.value(), q.min(), q.max()))
                    .toList();
        }
        try {
            return ranges(CategoriesCsv.parse(request.quotasCsv()));
        } catch (MalformedCsv malformed) {
            throw RuleViolation.unprocessable("quotasCsv", malformed.getMessage());
        }
    }

    private static List<QuotaRange> ranges(List<Category> categories) {
        List<QuotaRange> quotas = new ArrayList<>();
        for (Category category : categories) {
            for (ValueQuota value : category.values()) {
                quotas.add(new QuotaRange(category.name(), value.value(), value.min(), value.max()));
            }
        }
        return quotas;
    }
}
