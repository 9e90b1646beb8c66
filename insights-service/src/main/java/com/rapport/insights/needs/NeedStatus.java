package com.rapport.insights.needs;

/** Where an unmet need stands: still open, or ended one of three ways. */
public enum NeedStatus {
    OPEN, ADDRESSED, DECLINED, LOST_TO_COMPETITOR
}
