package com.rapport.insights.calllist;

/**
 * Why an account is on the call list, most pressing first. The weight is where an account's
 * priority starts (see {@link CallListRanking}); the note is how the occasion is mentioned when
 * the account is on the list for a weightier one.
 */
public enum Occasion {
    /** Neglected, AT_RISK or CRITICAL, or a risk signal raised: there is still time to call them. */
    SLIPPING(100, "it is slipping"),
    /** Lost recently and nobody has asked them why yet. */
    LOST_WITHOUT_INTERVIEW(80, "an exit interview"),
    /** The last attempt was a voicemail or went unanswered, and the call planned after it is due. */
    VOICEMAIL_FOLLOW_UP(60, "the call planned after a voicemail"),
    /** A top client not spoken to this week. */
    WEEKLY_CHECK_IN(40, "the weekly top-client check-in"),
    /**
     * Not flagged yet, but will be within the list's week if nothing happens (its runway): a call now comes
     * before the warning. Below the routines it so often comes with: a top client due its weekly check-in is
     * also about to be neglected.
     */
    ABOUT_TO_SLIP(30, "it is about to slip"),
    /** Not pitched for longer than the policy's re-pitch interval. */
    RE_PITCH(20, "a re-pitch");

    private final int weight;
    private final String note;

    Occasion(int weight, String note) {
        this.weight = weight;
        this.note = note;
    }

    public int weight() {
        return weight;
    }

    String note() {
        return note;
    }
}
