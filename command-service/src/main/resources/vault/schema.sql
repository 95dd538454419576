-- The person vault: keys that seal personal data, kept in their own database, never in the log.
-- Deleting a person's key erases their data everywhere it was sealed (crypto-shredding).
CREATE TABLE IF NOT EXISTS vault_secret (
    convention_id VARCHAR(64) NOT NULL PRIMARY KEY,
    secret        VARCHAR(64) NOT NULL
);

CREATE TABLE IF NOT EXISTS vault_person_key (
    person_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    person_key VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);

CREATE TABLE IF NOT EXISTS vault_erasure (
    person_id VARCHAR(64) NOT NULL PRIMARY KEY,
    erased_at TIMESTAMP   NOT NULL
);

-- Which person id a resident's keyed matching tag stands for (ADR-003). The id itself is random, so
-- nothing but this row ties it to a name and birth date; erasure deletes the row with the key.
CREATE TABLE IF NOT EXISTS vault_person_index (
    match_tag VARCHAR(64) NOT NULL PRIMARY KEY,
    person_id VARCHAR(64) NOT NULL,
    CONSTRAINT uk_vault_person_index_person UNIQUE (person_id)
);
