-- Command-side register of the digital consultation (ConsultationRegister): which calls exist and
-- their windows, which proposals exist and are hidden, which vote stream holds each argument, and the
-- latest CAC sheet of each topic (the criteria a call is drawn from). Portable SQL (H2, PostgreSQL).
-- Instants are ISO-8601 strings: no time-zone conversion between the JVM and the database.
CREATE TABLE IF NOT EXISTS register_cac_sheet (
    topic_id      VARCHAR(64)      NOT NULL PRIMARY KEY,
    convention_id VARCHAR(64)      NOT NULL,
    version       INT              NOT NULL,
    criteria      VARCHAR(1000000) NOT NULL
);

CREATE TABLE IF NOT EXISTS register_consultation_call (
    call_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    convention_id VARCHAR(64) NOT NULL,
    topic_id      VARCHAR(64) NOT NULL,
    opens_at      VARCHAR(40) NOT NULL,
    closes_at     VARCHAR(40) NOT NULL,
    closed        BOOLEAN     NOT NULL
);

CREATE TABLE IF NOT EXISTS register_consultation_proposal (
    proposal_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    call_id       VARCHAR(64) NOT NULL,
    hidden        BOOLEAN     NOT NULL
);

CREATE TABLE IF NOT EXISTS register_consultation_argument (
    argument_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    call_id       VARCHAR(64)  NOT NULL,
    proposal_id   VARCHAR(64)  NOT NULL,
    vote_id       VARCHAR(128) NOT NULL
);
