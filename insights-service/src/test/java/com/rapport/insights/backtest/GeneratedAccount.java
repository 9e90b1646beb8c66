package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;

import java.util.List;

/**
 * One account of a generated firm.
 *
 * @param events its history, in the order it happened: the opening first
 */
public record GeneratedAccount(GroundTruth truth, List<AccountEvent> events) {

    public GeneratedAccount {
        events = List.copyOf(events);
    }
}
