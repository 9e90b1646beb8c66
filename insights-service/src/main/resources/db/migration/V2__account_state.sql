-- One row per account: its history folded once (state), what the latest assessment found, what
-- reads filter and sort by, when that assessment next changes if nothing happens, and what
-- insights last published of it. Replaces the assessment table, which held no state: the
-- processor is reset below, so the rows are built again from the event store.
DROP TABLE assessment;

CREATE TABLE account_health (
    account_id          UUID                     NOT NULL,
    state               TEXT                     NOT NULL,
    folded_to           TIMESTAMP WITH TIME ZONE NOT NULL,
    name                VARCHAR(200)             NOT NULL,
    owner_id            VARCHAR(100)             NOT NULL,
    tier                VARCHAR(20)              NOT NULL,
    annual_value        NUMERIC(17, 2)           NOT NULL,
    currency            VARCHAR(3)               NOT NULL,
    lost                BOOLEAN                  NOT NULL,
    score               INTEGER                  NOT NULL,
    band                VARCHAR(20)              NOT NULL,
    neglected           BOOLEAN                  NOT NULL,
    days_since_contact  BIGINT                   NOT NULL,
    cadence_days        INTEGER                  NOT NULL,
    -- annual value weighted by how far the score falls short: what the portfolio list sorts by
    exposure            NUMERIC(17, 2)           NOT NULL,
    assessment          TEXT                     NOT NULL,
    as_of               TIMESTAMP WITH TIME ZONE NOT NULL,
    -- null for an account whose assessment can no longer change (none today)
    next_change_at      TIMESTAMP WITH TIME ZONE,
    published_band      VARCHAR(20),
    published_neglected BOOLEAN                  NOT NULL,
    CONSTRAINT account_health_pk PRIMARY KEY (account_id)
);

CREATE INDEX account_health_exposure ON account_health (lost, exposure);
CREATE INDEX account_health_score ON account_health (lost, score);
CREATE INDEX account_health_value ON account_health (lost, annual_value);
CREATE INDEX account_health_band ON account_health (lost, band);
CREATE INDEX account_health_owner ON account_health (owner_id, lost);
CREATE INDEX account_health_next_change ON account_health (next_change_at);

-- Every unmet need, open or ended: what /unmet-needs pages through.
CREATE TABLE unmet_need (
    need_id     UUID                     NOT NULL,
    account_id  UUID                     NOT NULL,
    category    VARCHAR(200)             NOT NULL,
    description TEXT                     NOT NULL,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(30)              NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    competitor  VARCHAR(200),
    CONSTRAINT unmet_need_pk PRIMARY KEY (need_id)
);

CREATE INDEX unmet_need_status ON unmet_need (status, raised_at, need_id);
CREATE INDEX unmet_need_account ON unmet_need (account_id);

-- Every loss of every account, judged once when it (or its history) changed: what /losses reads.
CREATE TABLE account_loss (
    account_id       UUID                     NOT NULL,
    lost_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    loss             TEXT                     NOT NULL,
    primary_reason   VARCHAR(30)              NOT NULL,
    competitor       VARCHAR(200),
    interviewed      BOOLEAN                  NOT NULL,
    flagged          BOOLEAN                  NOT NULL,
    lead_time_days   BIGINT,
    CONSTRAINT account_loss_pk PRIMARY KEY (account_id, lost_at)
);

CREATE INDEX account_loss_lost_at ON account_loss (lost_at);

-- The portfolio figures at the start of each day (00:00 UTC), as sums of what each account adds to
-- them; the last row is the day still to come, kept up to date as accounts change.
CREATE TABLE portfolio_day (
    on_day  DATE NOT NULL,
    figures TEXT NOT NULL,
    CONSTRAINT portfolio_day_pk PRIMARY KEY (on_day)
);

-- What each account has added to the kept days: its contribution from a day on, as pieces (JSON), so
-- that a change is added as the difference from what the days hold of it.
CREATE TABLE portfolio_account (
    account_id UUID NOT NULL,
    pieces     TEXT NOT NULL,
    CONSTRAINT portfolio_account_pk PRIMARY KEY (account_id)
);

-- Accounts whose history gained an event dated before a day already begun: those days are worked out
-- again for them, from from_day on.
CREATE TABLE portfolio_dirty (
    account_id UUID                     NOT NULL,
    from_day   DATE                     NOT NULL,
    touched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portfolio_dirty_pk PRIMARY KEY (account_id)
);

CREATE INDEX portfolio_dirty_touched ON portfolio_dirty (touched_at);

-- The same tables again, filled while the read model is rebuilt from the event store and copied over
-- the live ones when the rebuild is done, so that queries go on answering meanwhile.
CREATE TABLE account_health_next (
    account_id          UUID                     NOT NULL,
    state               TEXT                     NOT NULL,
    folded_to           TIMESTAMP WITH TIME ZONE NOT NULL,
    name                VARCHAR(200)             NOT NULL,
    owner_id            VARCHAR(100)             NOT NULL,
    tier                VARCHAR(20)              NOT NULL,
    annual_value        NUMERIC(17, 2)           NOT NULL,
    currency            VARCHAR(3)               NOT NULL,
    lost                BOOLEAN                  NOT NULL,
    score               INTEGER                  NOT NULL,
    band                VARCHAR(20)              NOT NULL,
    neglected           BOOLEAN                  NOT NULL,
    days_since_contact  BIGINT                   NOT NULL,
    cadence_days        INTEGER                  NOT NULL,
    exposure            NUMERIC(17, 2)           NOT NULL,
    assessment          TEXT                     NOT NULL,
    as_of               TIMESTAMP WITH TIME ZONE NOT NULL,
    next_change_at      TIMESTAMP WITH TIME ZONE,
    published_band      VARCHAR(20),
    published_neglected BOOLEAN                  NOT NULL,
    CONSTRAINT account_health_next_pk PRIMARY KEY (account_id)
);

CREATE TABLE unmet_need_next (
    need_id     UUID                     NOT NULL,
    account_id  UUID                     NOT NULL,
    category    VARCHAR(200)             NOT NULL,
    description TEXT                     NOT NULL,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(30)              NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    competitor  VARCHAR(200),
    CONSTRAINT unmet_need_next_pk PRIMARY KEY (need_id)
);

CREATE TABLE account_loss_next (
    account_id       UUID                     NOT NULL,
    lost_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    loss             TEXT                     NOT NULL,
    primary_reason   VARCHAR(30)              NOT NULL,
    competitor       VARCHAR(200),
    interviewed      BOOLEAN                  NOT NULL,
    flagged          BOOLEAN                  NOT NULL,
    lead_time_days   BIGINT,
    CONSTRAINT account_loss_next_pk PRIMARY KEY (account_id, lost_at)
);

CREATE TABLE portfolio_day_next (
    on_day  DATE NOT NULL,
    figures TEXT NOT NULL,
    CONSTRAINT portfolio_day_next_pk PRIMARY KEY (on_day)
);

CREATE TABLE portfolio_account_next (
    account_id UUID NOT NULL,
    pieces     TEXT NOT NULL,
    CONSTRAINT portfolio_account_next_pk PRIMARY KEY (account_id)
);

CREATE TABLE portfolio_dirty_next (
    account_id UUID                     NOT NULL,
    from_day   DATE                     NOT NULL,
    touched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portfolio_dirty_next_pk PRIMARY KEY (account_id)
);

-- A rebuild of the read model in progress: while there is one, the processor fills the *_next tables
-- and publishes nothing; once every segment has reached until_position (the store's head when the
-- rebuild started; null until the processor has looked), they are copied over the live tables.
CREATE TABLE rebuild (
    read_model     VARCHAR(50)              NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    until_position BIGINT,
    CONSTRAINT rebuild_pk PRIMARY KEY (read_model)
);

-- An installation that ran before folds every account again from the store, as a rebuild: the kept
-- copies in account_event stay, and what insights published before is read back from its own events
-- rather than published again. A new installation (no token yet) has nothing to rebuild.
INSERT INTO rebuild (read_model, started_at, until_position)
    SELECT 'histories', CURRENT_TIMESTAMP, NULL FROM token_entry WHERE processor_name = 'histories' AND segment = 0;
DELETE FROM token_entry WHERE processor_name = 'histories';
