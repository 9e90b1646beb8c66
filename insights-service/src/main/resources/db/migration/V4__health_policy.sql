-- The health policy's history: each HealthPolicyChanged, written in the transaction that publishes it.
-- The configuration (rapport.health.*) is in force before the first; windows never change here (the
-- account states forget by them), so a row holds the whole policy but never another window.
CREATE TABLE health_policy (
    version      INTEGER                  NOT NULL,
    policy       TEXT                     NOT NULL,
    effective_at TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_id     VARCHAR(100)             NOT NULL,
    note         VARCHAR(2000)            NOT NULL,
    CONSTRAINT health_policy_pk PRIMARY KEY (version)
);
