package com.rapport.events.outreach;

/** Where the client's feedback came from. */
public enum FeedbackSource {
    CALL, SURVEY, REVIEW
}
