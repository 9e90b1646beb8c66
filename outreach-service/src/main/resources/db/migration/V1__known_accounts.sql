-- The accounts outreach knows of, from the account events: enough to apply its rules.
CREATE TABLE known_account (
    account_id UUID                     NOT NULL,
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lost       BOOLEAN                  NOT NULL,
    CONSTRAINT known_account_pk PRIMARY KEY (account_id)
);
