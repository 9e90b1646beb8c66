-- The read model of DeadLetteringTest's projection. A name starting "Refused" is refused by the
-- database, as PostgreSQL refuses a NUL byte in a text column: a failure that is the event's own.
CREATE TABLE projected (
    account_id VARCHAR(64)  NOT NULL,
    name       VARCHAR(255) NOT NULL,
    CONSTRAINT projected_pk PRIMARY KEY (account_id),
    CONSTRAINT projected_name_accepted CHECK (name NOT LIKE 'Refused%')
);

-- Every event the projection applied, counted in a statement of its own before the row is written.
CREATE TABLE projected_events (
    applied BIGINT NOT NULL
);

INSERT INTO projected_events (applied) VALUES (0);
