package org.conventionledger.command.recruitment;

import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.rules.selection.LotteryRecord;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lottery's panel record by its SHA-256 (ADR-010), as the command side keeps it, for a garant whose
 * export carries none: the query service of an Axon Server deployment has no access to the records, so
 * its export cannot attach them, and {@code ledger verify-draw --panel-record FILE} takes the record from
 * here instead. The record is named by its hash, which the chained event holds, so where it comes from
 * does not matter; it holds pool indices and probabilities only.
 */
@RestController
public class LotteryRecordController {

    private final LotteryRecords records;

    public LotteryRecordController(LotteryRecords records) {
        this.records = records;
    }

    @GetMapping(path = "/api/lottery-records/{sha256}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> record(@PathVariable String sha256) {
        byte[] record = sha256.matches("[0-9a-f]{64}") ? records.find(sha256).orElse(null) : null;
        if (record == null) {
            throw RuleViolation.notFound("unknown-lottery-record", "No panel record has the SHA-256 " + sha256 + ".");
        }
        if (!LotteryRecord.sha256(record).equals(sha256)) {
            throw RuleViolation.conflict(
                    "lottery-record-altered",
                    "The stored panel record does not have the SHA-256 " + sha256 + " it is kept under: it was"
                            + " altered.");
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + sha256 + ".clp\"")
                .body(record);
    }
}
