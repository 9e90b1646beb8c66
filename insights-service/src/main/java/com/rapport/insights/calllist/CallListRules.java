package com.rapport.insights.calllist;

/**
 * When an account is due a call beyond what its health says. Configuration
 * ({@code rapport.call-list.*}) with these defaults; see {@link #defaults()}. "In the last n days"
 * counts calendar days in the account's own time zone (see {@link AccountDay}) and includes the day
 * of the list: in the last 3 days is that day and the two before it.
 *
 * @param recentlyConnectedDays an account we connected with in the last this many days is left alone,
 *                              except a lost one still to interview
 * @param weeklyCheckInDays     a top account not connected with in the last this many days gets its weekly check-in
 * @param topKeyAccounts        a KEY account among the owner's this many most valuable accounts counts as a top account,
 *                              as every STRATEGIC one does
 * @param interviewWithinDays   a lost account is worth an exit interview if it was lost in the last this many days
 * @param runwayDays            an account not flagged yet that would be within this many days if nothing happens
 *                              is about to slip; 0 lists none for it
 */
public record CallListRules(int recentlyConnectedDays, int weeklyCheckInDays, int topKeyAccounts,
                            int interviewWithinDays, int runwayDays) {

    public static final int RECENTLY_CONNECTED_DAYS = 3;
    public static final int WEEKLY_CHECK_IN_DAYS = 7;
    public static final int TOP_KEY_ACCOUNTS = 3;
    public static final int INTERVIEW_WITHIN_DAYS = 90;
    /** The list's week. */
    public static final int RUNWAY_DAYS = 7;

    public CallListRules {
        if (recentlyConnectedDays < 0 || weeklyCheckInDays < 1 || topKeyAccounts < 0 || interviewWithinDays < 1
                || runwayDays < 0) {
            throw new IllegalArgumentException("rapport.call-list: recently-connected-days, top-key-accounts and "
                    + "runway-days must be 0 or more, weekly-check-in-days and interview-within-days 1 or more");
        }
    }

    public static CallListRules defaults() {
        return new CallListRules(RECENTLY_CONNECTED_DAYS, WEEKLY_CHECK_IN_DAYS, TOP_KEY_ACCOUNTS, INTERVIEW_WITHIN_DAYS,
                RUNWAY_DAYS);
    }
}
