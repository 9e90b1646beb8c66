-- Every event of every account, from all services, as the timeline shows it.
CREATE TABLE timeline_entry (
    event_id      VARCHAR(255)             NOT NULL,
    account_id    UUID                     NOT NULL,
    -- the event's place in the store: orders events that happened at the same moment
    position      BIGINT                   NOT NULL,
    type          VARCHAR(100)             NOT NULL,
    -- the contact, pitch, need, call... the event is about, and a short name for it that
    -- later steps of its lifecycle quote ("Pitch of Managed backups won")
    subject_id    UUID,
    subject_label VARCHAR(200),
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_id      VARCHAR(100),
    summary       VARCHAR(1000)            NOT NULL,
    data          TEXT                     NOT NULL,
    CONSTRAINT timeline_entry_pk PRIMARY KEY (event_id)
);

CREATE INDEX timeline_entry_account ON timeline_entry (account_id, occurred_at, position);
CREATE INDEX timeline_entry_subject ON timeline_entry (subject_id);
