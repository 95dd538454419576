-- Command-side registers: cross-aggregate look-ups, written in the same transaction as the events.
-- Portable SQL: the same script serves H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS register_convention (
    convention_id VARCHAR(64) NOT NULL PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS register_topic (
    convention_id VARCHAR(64)  NOT NULL,
    topic_id      VARCHAR(64)  NOT NULL,
    assembly      VARCHAR(16)  NOT NULL,
    title         VARCHAR(500) NOT NULL,
    PRIMARY KEY (convention_id, topic_id)
);

CREATE TABLE IF NOT EXISTS register_action (
    action_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    convention_id VARCHAR(64)  NOT NULL,
    action_number INT          NOT NULL,
    title         VARCHAR(500) NOT NULL,
    assembly      VARCHAR(16)  NOT NULL,
    topic_title   VARCHAR(500) NOT NULL,
    finalised     BOOLEAN      NOT NULL,
    CONSTRAINT uk_register_action_number UNIQUE (convention_id, action_number)
);

CREATE TABLE IF NOT EXISTS register_votation (
    votation_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    convention_id  VARCHAR(64)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    action_numbers VARCHAR(8000) NOT NULL
);

CREATE TABLE IF NOT EXISTS register_member (
    convention_id VARCHAR(64) NOT NULL,
    member_id     VARCHAR(64) NOT NULL,
    assembly      VARCHAR(16) NOT NULL,
    PRIMARY KEY (convention_id, member_id)
);
