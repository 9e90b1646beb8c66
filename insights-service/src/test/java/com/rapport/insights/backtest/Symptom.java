package com.rapport.insights.backtest;

/** What a drifting account shows, each from its own onset and growing with the drift's intensity. */
public enum Symptom {

    /** Connected contacts come further apart: at the drift's full intensity, at a tenth of the usual rate by its end. */
    FEWER_CONTACTS,

    /** More calls end in voicemail or no answer. */
    UNANSWERED_ATTEMPTS,

    /** Surveys come back with detractor scores (0 to 6). */
    DETRACTOR_SCORES,

    /** The client complains in a survey or review and nobody calls to talk it through. */
    UNANSWERED_COMPLAINT,

    /** Needs raised from the onset on are left open. */
    NEEDS_LEFT_OPEN,

    /** No more meetings, site visits or face-to-face pitches. */
    FACE_TIME_STOPPED,

    /** No executive speaks with the client any more. */
    EXECUTIVE_TOUCH_STOPPED,

    /** A competitor is seen around the client, once or twice. */
    COMPETITOR_SEEN
}
