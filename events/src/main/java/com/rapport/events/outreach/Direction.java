package com.rapport.events.outreach;

/** Who reached out: us (OUTBOUND) or the client (INBOUND). */
public enum Direction {
    OUTBOUND, INBOUND
}
