-- Every account's history as the health model reads it: the published events, per account.
CREATE TABLE account_event (
    event_id         VARCHAR(255)             NOT NULL,
    account_id       UUID                     NOT NULL,
    position         BIGINT                   NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload_type     VARCHAR(255)             NOT NULL,
    payload_revision VARCHAR(20),
    payload          TEXT                     NOT NULL,
    CONSTRAINT account_event_pk PRIMARY KEY (event_id)
);

CREATE INDEX account_event_history ON account_event (account_id, occurred_at, position);

-- Each account's assessment as of its last re-assessment.
CREATE TABLE assessment (
    account_id         UUID                     NOT NULL,
    name               VARCHAR(200)             NOT NULL,
    owner_id           VARCHAR(100)             NOT NULL,
    tier               VARCHAR(20)              NOT NULL,
    annual_value       NUMERIC(17, 2)           NOT NULL,
    currency           VARCHAR(3)               NOT NULL,
    lost               BOOLEAN                  NOT NULL,
    score              INTEGER                  NOT NULL,
    band               VARCHAR(20)              NOT NULL,
    neglected          BOOLEAN                  NOT NULL,
    days_since_contact BIGINT                   NOT NULL,
    cadence_days       INTEGER                  NOT NULL,
    -- annual value weighted by how far the score falls short: what the portfolio list sorts by
    exposure           NUMERIC(17, 2)           NOT NULL,
    assessment         TEXT                     NOT NULL,
    as_of              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT assessment_pk PRIMARY KEY (account_id)
);

CREATE INDEX assessment_exposure ON assessment (lost, exposure);
CREATE INDEX assessment_owner ON assessment (owner_id);

-- ShedLock: the scheduled re-assessment runs on one instance at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
