package com.rapport.outreach.recording;

/** What a valid request asks outreach to record, before the account's standing and the clock are read. */
public sealed interface Recordable permits NewRecord, NextStep {
}
