-- The account directory: one row per account, as of the last account event processed.
CREATE TABLE account_directory (
    account_id   UUID                     NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    tier         VARCHAR(20)              NOT NULL,
    annual_value NUMERIC(17, 2)           NOT NULL,
    currency     VARCHAR(3)               NOT NULL,
    owner_id     VARCHAR(100)             NOT NULL,
    timezone     VARCHAR(64)              NOT NULL,
    cadence_days INTEGER,
    status       VARCHAR(10)              NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    lost_at      TIMESTAMP WITH TIME ZONE,
    loss_reason  VARCHAR(30),
    competitor   VARCHAR(200),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_directory_pk PRIMARY KEY (account_id)
);

CREATE INDEX account_directory_owner ON account_directory (owner_id, name);
CREATE INDEX account_directory_tier ON account_directory (tier, name);
CREATE INDEX account_directory_name ON account_directory (name);
