-- Each account's runway: when its latest assessment says it will be flagged if nothing happens (that
-- assessment's own moment when it is flagged already; null when not within a year), and by what: AT_RISK,
-- CRITICAL, NEGLECTED or a risk signal's key. Added to the rebuild's twin in the same order, since the
-- rebuild copies its rows over with SELECT *.
ALTER TABLE account_health ADD COLUMN flagged_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE account_health ADD COLUMN flagged_because VARCHAR(40);
ALTER TABLE account_health_next ADD COLUMN flagged_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE account_health_next ADD COLUMN flagged_because VARCHAR(40);

CREATE INDEX account_health_runway ON account_health (lost, flagged_from);

-- Every account is assessed again by the next scheduled round, in its batches, which finds the runways of
-- the rows kept so far.
UPDATE account_health SET next_change_at = CURRENT_TIMESTAMP;
