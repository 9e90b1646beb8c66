package com.rapport.events.account;

/** How much an account matters to us; each tier has its own contact cadence. */
public enum Tier {
    STRATEGIC, KEY, CORE, LONG_TAIL
}
