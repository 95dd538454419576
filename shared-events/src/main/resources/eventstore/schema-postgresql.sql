-- The event log, as Axon's JdbcEventStorageEngine reads and writes it (default EventSchema names).
-- Written by hand because the same table must exist on H2 and PostgreSQL; idempotent.
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         BIGSERIAL PRIMARY KEY,
    eventIdentifier     VARCHAR(255) NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload             BYTEA        NOT NULL,
    metaData            BYTEA,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT uk_event_identifier UNIQUE (eventIdentifier),
    CONSTRAINT uk_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload             BYTEA        NOT NULL,
    metaData            BYTEA,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_snapshot_event_identifier UNIQUE (eventIdentifier)
);
