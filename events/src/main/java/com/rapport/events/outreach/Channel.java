package com.rapport.events.outreach;

/** How we reached the client. MEETING, SITE_VISIT and EVENT are face to face. */
public enum Channel {
    CALL, VIDEO, MEETING, SITE_VISIT, EMAIL, EVENT;

    public boolean isFaceToFace() {
        return this == MEETING || this == SITE_VISIT || this == EVENT;
    }
}
