package com.rapport.insights.history;

import java.util.UUID;

/** Who acts on a changed history: the re-assessment of the account. */
public interface HistoryListener {

    /** @param replaying the history is being rebuilt from the event store, not changed by something new */
    void historyChanged(UUID accountId, boolean replaying);
}
