package com.rapport.insights.account;

import com.rapport.insights.history.AccountHistories;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who keeps the accounts' events and brings the read models up to date when accounts gain events. */
public interface AccountsChanged {

    /** Runs one account's share of the work so that a failure stays that account's. */
    @FunctionalInterface
    interface OneByOne {
        void run(UUID accountId, Runnable work);
    }

    /**
     * @param tables    the live tables, or those a rebuild fills
     * @param byAccount each account's events of the batch, in the order the store holds them
     * @param accounts  how each account's share is run
     */
    void afterEvents(Tables tables, Map<UUID, List<AccountHistories.Kept>> byAccount, OneByOne accounts);
}
