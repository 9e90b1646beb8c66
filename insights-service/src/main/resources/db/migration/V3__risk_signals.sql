-- Risk signals: which ones each account's latest assessment raised (their keys between commas, e.g.
-- ',competitorSighted,needPastGrace,', so that a read can ask for one), whether it is flagged at all
-- (a band at risk or worse, neglect, or a signal), and which signals insights last published as raised.
ALTER TABLE account_health ADD COLUMN signals VARCHAR(400) NOT NULL DEFAULT ',';
ALTER TABLE account_health ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account_health ADD COLUMN published_signals VARCHAR(400) NOT NULL DEFAULT ',';
ALTER TABLE account_health_next ADD COLUMN signals VARCHAR(400) NOT NULL DEFAULT ',';
ALTER TABLE account_health_next ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account_health_next ADD COLUMN published_signals VARCHAR(400) NOT NULL DEFAULT ',';

CREATE INDEX account_health_flagged ON account_health (lost, flagged);

-- Every account is assessed again by the next scheduled round, in its batches, which raises and
-- publishes the signals of the rows kept so far.
UPDATE account_health SET next_change_at = CURRENT_TIMESTAMP;
