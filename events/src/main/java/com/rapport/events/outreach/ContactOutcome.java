package com.rapport.events.outreach;

/** Only a CONNECTED contact counts as contact; voicemail and no answer are attempts. */
public enum ContactOutcome {
    CONNECTED, VOICEMAIL, NO_ANSWER
}
