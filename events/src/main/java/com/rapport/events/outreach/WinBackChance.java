package com.rapport.events.outreach;

/** How likely a lost client is to come back, as judged in the exit interview. */
public enum WinBackChance {
    NONE, LOW, MEDIUM, HIGH
}
