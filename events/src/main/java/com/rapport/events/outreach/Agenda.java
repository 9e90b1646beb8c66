package com.rapport.events.outreach;

/** What a contact was for; CHECK_IN is a contact with no agenda, just to ask how things are. */
public enum Agenda {
    CHECK_IN, REVIEW, SUPPORT, SALES
}
