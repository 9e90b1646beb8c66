-- Axon's sequenced dead-letter queue: the events a processor could not handle, set aside with
-- the failure, and the events of the same sequence (account or aggregate) queued behind them,
-- until they are retried. Next to the token store, so that a letter commits with its token.
-- Axon's JDBC layout with lower-case names; the cause holds Axon's whole truncated message.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1024),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_sequence ON dead_letter_entry (processing_group, sequence_identifier);
