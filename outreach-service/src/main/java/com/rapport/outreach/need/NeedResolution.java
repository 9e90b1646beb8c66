package com.rapport.outreach.need;

/** How an unmet need ended. */
public enum NeedResolution {
    ADDRESSED, DECLINED, LOST_TO_COMPETITOR
}
