package org.conventionledger.command.recruitment;

import java.util.Optional;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.rules.selection.LotteryRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lotteries' panel records (ADR-010), by SHA-256, in the command side's database: the event store's
 * on H2 and PostgreSQL, so a record is written in the transaction that appends its event; the registers'
 * database under Axon Server. The query service's export attaches them to their events.
 */
@Component
public class LotteryRecords {

    private final JdbcTemplate jdbc;

    public LotteryRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code record} under its hash; a record already kept is the same bytes, so it is left alone. */
    public void store(String conventionId, byte[] record) {
        String sha256 = LotteryRecord.sha256(record);
        if (find(sha256).isEmpty()) {
            jdbc.update(
                    "INSERT INTO lottery_record (sha256, convention_id, record) VALUES (?, ?, ?)",
                    sha256,
                    conventionId,
                    record);
        }
    }

    public Optional<byte[]> find(String sha256) {
        return jdbc
                .query("SELECT record FROM lottery_record WHERE sha256 = ?", (rs, i) -> rs.getBytes(1), sha256)
                .stream()
                .findFirst();
    }

    /** The record named {@code sha256}, checked against its name; refuses a record missing or altered. */
    public byte[] require(String sha256) {
        byte[] record = find(sha256)
                .orElseThrow(() -> RuleViolation.conflict(
                        "lottery-record-missing",
                        "The panels of the published lottery (record " + sha256 + ") are not in the store."));
        if (!LotteryRecord.sha256(record).equals(sha256)) {
            throw RuleViolation.conflict(
                    "lottery-record-altered",
                    "The stored panels of the published lottery do not have the SHA-256 " + sha256
                            + " the log names: the record was altered.");
        }
        return record;
    }
}
