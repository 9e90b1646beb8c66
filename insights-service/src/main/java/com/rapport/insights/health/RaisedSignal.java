package com.rapport.insights.health;

import java.util.Map;

/**
 * A risk signal raised on an account at one moment.
 *
 * @param reason  a sentence a sales leader can read, with its figures
 * @param figures the figures by name, for machines: e.g. {@code daysSinceContact}, {@code cadenceDays}
 * @param subject what the signal is about when it is one thing among several: the competitor, the need; else null
 */
public record RaisedSignal(RiskSignal signal, String reason, Map<String, Long> figures, String subject) {

    public RaisedSignal {
        figures = Map.copyOf(figures);
    }
}
