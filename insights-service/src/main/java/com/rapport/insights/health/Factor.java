package com.rapport.insights.health;

/** The nine things relationship health is made of, named as the HTTP contract names them. */
public enum Factor {
    CONTACT_RECENCY("contactRecency"),
    FACE_TIME("faceTime"),
    EXECUTIVE_TOUCH("executiveTouch"),
    RE_PITCH("rePitch"),
    UNMET_NEEDS("unmetNeeds"),
    VOICE_OF_CLIENT("voiceOfClient"),
    COMPETITOR_PRESSURE("competitorPressure"),
    MOMENTUM("momentum"),
    UNANSWERED_ATTEMPTS("unansweredAttempts");

    private final String key;

    Factor(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
