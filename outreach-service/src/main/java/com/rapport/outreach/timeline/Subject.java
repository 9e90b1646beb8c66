package com.rapport.outreach.timeline;

import com.rapport.events.AccountEvent;
import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.util.UUID;

/**
 * What an event is about: its contact, pitch, need or call, and for the first event of a
 * lifecycle a short label that later steps quote. Account events are about the account itself.
 */
record Subject(UUID id, String label) {

    private static final Subject ACCOUNT = new Subject(null, null);

    static Subject of(AccountEvent event) {
        if (event instanceof ContactLogged e) {
            return new Subject(e.contactId(), null);
        } else if (event instanceof PitchMade e) {
            return new Subject(e.pitchId(), e.offering());
        } else if (event instanceof PitchOutcomeRecorded e) {
            return new Subject(e.pitchId(), null);
        } else if (event instanceof FeedbackReceived e) {
            return new Subject(e.feedbackId(), null);
        } else if (event instanceof UnmetNeedRaised e) {
            return new Subject(e.needId(), Summaries.shortened(e.description()));
        } else if (event instanceof UnmetNeedAddressed e) {
            return new Subject(e.needId(), null);
        } else if (event instanceof UnmetNeedDeclined e) {
            return new Subject(e.needId(), null);
        } else if (event instanceof UnmetNeedLostToCompetitor e) {
            return new Subject(e.needId(), null);
        } else if (event instanceof CompetitorSighted e) {
            return new Subject(e.signalId(), null);
        } else if (event instanceof LostClientInterviewRecorded e) {
            return new Subject(e.interviewId(), null);
        } else if (event instanceof CallScheduled e) {
            return new Subject(e.callId(), Summaries.shortened(e.purpose()));
        } else if (event instanceof CallRescheduled e) {
            return new Subject(e.callId(), null);
        } else if (event instanceof CallCompleted e) {
            return new Subject(e.callId(), null);
        } else if (event instanceof CallMissed e) {
            return new Subject(e.callId(), null);
        }
        return ACCOUNT;
    }
}
