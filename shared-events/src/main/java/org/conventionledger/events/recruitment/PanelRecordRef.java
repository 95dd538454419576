package org.conventionledger.events.recruitment;

/**
 * Where a lottery's panels are, when they are not in the event: the content-addressed record of
 * ADR-010, named by the SHA-256 of its stored bytes.
 *
 * @param sha256   lowercase hex SHA-256 of the stored record: binds the record to the log
 * @param encoding how the record is written ({@code panels-v1+zlib})
 * @param panels   how many panels it holds
 * @param bytes    its stored length
 */
public record PanelRecordRef(String sha256, String encoding, int panels, int bytes) {}
