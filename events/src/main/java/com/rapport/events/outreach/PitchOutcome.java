package com.rapport.events.outreach;

/** How the client answered a pitch. */
public enum PitchOutcome {
    WON, DECLINED, DEFERRED
}
