package com.rapport.insights.health;

import java.util.Arrays;
import java.util.Optional;

/**
 * The risk signals: one thing known to come before losses, enough on its own to flag an account
 * however well the rest of its health looks. Named as the HTTP API and the published events name them.
 */
public enum RiskSignal {
    /** A low score (a detractor's, or a low passive's), with the complaint that came with it not talked through since. */
    DETRACTOR_COMPLAINT("detractorComplaint", "an unhappy client's complaint unanswered"),
    /** A competitor seen at the client recently. */
    COMPETITOR_SIGHTED("competitorSighted", "a competitor sighted"),
    /** A need the client raised, open long past the grace period. */
    NEED_PAST_GRACE("needPastGrace", "a need open too long"),
    /** A top account not spoken with for a whole cadence: neglect comes later, this comes in time. */
    TOP_ACCOUNT_OVERDUE("topAccountOverdue", "a top account overdue"),
    /** Two-way contacts in the last momentum window fell to a fraction of the window before. */
    MOMENTUM_COLLAPSE("momentumCollapse", "contact collapsing"),
    /** Voicemail after voicemail: the client no longer picks up. */
    UNREACHABLE("unreachable", "unreachable");

    private final String key;
    private final String words;

    RiskSignal(String key, String words) {
        this.key = key;
        this.words = words;
    }

    public String key() {
        return key;
    }

    /** The signal named in a sentence. */
    public String words() {
        return words;
    }

    public static Optional<RiskSignal> ofKey(String key) {
        return Arrays.stream(values()).filter(signal -> signal.key.equals(key)).findFirst();
    }
}
