package com.rapport.events.outreach;

/** The role of the member of staff in the contact; an EXECUTIVE contact is an executive touch. */
public enum StaffRole {
    EXECUTIVE, ACCOUNT_MANAGER, SALES, SUPPORT, DELIVERY
}
