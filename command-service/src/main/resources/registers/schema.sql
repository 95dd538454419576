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
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    PRIMARY KEY (convention_id, member_id)
);

-- Recruitment: source lists, who is on them, and who each draw drew.
CREATE TABLE IF NOT EXISTS register_source_list (
    list_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    convention_id VARCHAR(64) NOT NULL,
    draw_id       VARCHAR(64),
    frozen        BOOLEAN     NOT NULL,
    fingerprint   VARCHAR(64),
    residents     INT         NOT NULL
);

-- ciphertext: the sealed identity as listed (unreadable once the person's key is erased)
CREATE TABLE IF NOT EXISTS register_listed (
    list_id    VARCHAR(64)   NOT NULL,
    person_id  VARCHAR(64)   NOT NULL,
    ciphertext VARCHAR(4000) NOT NULL,
    PRIMARY KEY (list_id, person_id)
);
CREATE INDEX IF NOT EXISTS ix_register_listed_person ON register_listed (person_id);

CREATE TABLE IF NOT EXISTS register_drawn (
    convention_id VARCHAR(64) NOT NULL,
    draw_id       VARCHAR(64) NOT NULL,
    person_id     VARCHAR(64) NOT NULL,
    list_id       VARCHAR(64) NOT NULL,
    PRIMARY KEY (draw_id, person_id)
);
CREATE INDEX IF NOT EXISTS ix_register_drawn_person ON register_drawn (convention_id, person_id);

-- Organisation (PanelRegister): the mandate's assemblies and indemnity, sessions and attendance.
-- A store created before members could leave gets the flag here (CREATE TABLE IF NOT EXISTS keeps old tables).
ALTER TABLE register_member ADD COLUMN IF NOT EXISTS active BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE IF NOT EXISTS register_mandate (
    convention_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    transitions           VARCHAR(200)  NOT NULL,
    indemnity_per_session DECIMAL(12,2) NOT NULL
);

-- meeting: PLENARY, or the assembly meeting on its own (sessions 2-4 are one meeting per assembly)
CREATE TABLE IF NOT EXISTS register_session (
    session_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    convention_id  VARCHAR(64) NOT NULL,
    session_number INT         NOT NULL,
    meeting        VARCHAR(16) NOT NULL,
    CONSTRAINT uk_register_session_meeting UNIQUE (convention_id, session_number, meeting)
);

CREATE TABLE IF NOT EXISTS register_attendance (
    convention_id VARCHAR(64) NOT NULL,
    session_id    VARCHAR(64) NOT NULL,
    member_id     VARCHAR(64) NOT NULL,
    presence      VARCHAR(16) NOT NULL,
    PRIMARY KEY (session_id, member_id)
);
CREATE INDEX IF NOT EXISTS ix_register_attendance_member ON register_attendance (convention_id, member_id);

-- invitation ids are the organiser's letter numbers: unique within a convention only
CREATE TABLE IF NOT EXISTS register_invitation (
    invitation_id VARCHAR(64) NOT NULL,
    convention_id VARCHAR(64) NOT NULL,
    person_id     VARCHAR(64) NOT NULL,
    PRIMARY KEY (convention_id, invitation_id)
);

-- Votation rules (VotationRegister): period, eligibility, ballot rule and display seed of each votation.
-- A votation registered before these columns existed keeps them NULL and is held as before (status only).
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS opens_at VARCHAR(40);
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS closes_at VARCHAR(40);
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS ballot_rule VARCHAR(16);
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS max_choices INT;
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS minimum_age INT;
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS age_on VARCHAR(10);
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS residence_required BOOLEAN;
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS nationalities VARCHAR(1000);
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS results_visible_while_open BOOLEAN;
ALTER TABLE register_votation ADD COLUMN IF NOT EXISTS display_seed VARCHAR(256);

-- Paper desks: where each desk's double-entered count stands (ENTERED, MISMATCHED, CONFIRMED).
CREATE TABLE IF NOT EXISTS register_paper_desk (
    votation_id VARCHAR(64) NOT NULL,
    desk_id     VARCHAR(64) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    PRIMARY KEY (votation_id, desk_id)
);

-- Individual paper ballots per desk (a desk records ballots or a tally, not both).
CREATE TABLE IF NOT EXISTS register_paper_ballot (
    votation_id VARCHAR(64)  NOT NULL,
    desk_id     VARCHAR(64)  NOT NULL,
    ballot_id   VARCHAR(128) NOT NULL,
    PRIMARY KEY (votation_id, desk_id, ballot_id)
);

-- Panel lotteries' records (ADR-010): the panels of a PanelLotteryComputed, by the SHA-256 the event names.
-- Written in the transaction that appends the event; never updated (same hash, same bytes).
CREATE TABLE IF NOT EXISTS lottery_record (
    sha256        CHAR(64)    NOT NULL PRIMARY KEY,
    convention_id VARCHAR(64) NOT NULL,
    record        BYTEA       NOT NULL
);
