package com.rapport.insights.backtest;

/** The kinds of relationship a generated firm holds; each account follows one from its opening to the history's end. */
public enum Archetype {

    /** Kept: contacts at about the tier's cadence, now and then a voicemail, a complaint talked through, a need met. */
    STEADY,

    /** Attention falls away for months, with some of the {@link Symptom}s, and then the client leaves. */
    DRIFT_LOST,

    /** Drifts as {@link #DRIFT_LOST} does, until attention comes back: contacts resume, complaints and needs are dealt with. Never lost. */
    DRIFT_WON_BACK,

    /** Healthy for a year or more, then lost to a budget cut or a champion who left, with no warning in the history. */
    SUDDEN_LOSS,

    /** Steady, but each year it goes quiet for six to eight weeks. Never lost. */
    SEASONAL_QUIET,

    /** Opened in the last months of the history, its contacts ramping up to the cadence. Never lost. */
    ONBOARDING;

    /** Whether accounts of this kind end the history lost. */
    public boolean isLost() {
        return this == DRIFT_LOST || this == SUDDEN_LOSS;
    }

    /** Whether accounts of this kind go through a drift. */
    public boolean drifts() {
        return this == DRIFT_LOST || this == DRIFT_WON_BACK;
    }
}
