package com.rapport.insights.account;

/**
 * Where insights' read models live: the live tables every query reads, or the ones a rebuild fills
 * before they are copied over the live ones (see {@link Rebuild}).
 */
public enum Tables {
    LIVE(""), NEXT("_next");

    private final String suffix;

    Tables(String suffix) {
        this.suffix = suffix;
    }

    /** One row per account: its folded state and its latest assessment. */
    public String health() {
        return "insights.account_health" + suffix;
    }

    public String needs() {
        return "insights.unmet_need" + suffix;
    }

    public String losses() {
        return "insights.account_loss" + suffix;
    }

    /** The portfolio figures at the start of each day. */
    public String portfolioDays() {
        return "insights.portfolio_day" + suffix;
    }

    /** What each account has added to the kept days. */
    public String portfolioAccounts() {
        return "insights.portfolio_account" + suffix;
    }

    /** Accounts whose days' figures are to be worked out again. */
    public String portfolioDirty() {
        return "insights.portfolio_dirty" + suffix;
    }
}
