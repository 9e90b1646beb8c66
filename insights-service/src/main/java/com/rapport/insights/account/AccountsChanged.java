package com.rapport.insights.account;

import com.rapport.insights.history.AccountHistories;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who brings the read models up to date when accounts' histories gain events. */
public interface AccountsChanged {

    /**
     * @param tables    the live tables, or those a rebuild fills
     * @param byAccount each account's new events, in the order the store holds them
     */
    void afterEvents(Tables tables, Map<UUID, List<AccountHistories.Kept>> byAccount);
}
