package com.rapport.events.account;

/** Why a client left, as recorded on the loss and in the exit interview. */
public enum LossReason {
    NEGLECT, UNRESPONSIVE, QUALITY, PRICE, COMPETITOR_OFFER, UNMET_NEED, CHAMPION_LEFT, BUDGET_CUT, OTHER
}
