package com.rapport.insights.calllist;

import com.rapport.events.AccountEvent;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.health.HealthPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The call lists a ranking makes of account histories, as insights hands the histories over. */
final class CallLists {

    private CallLists() {
    }

    /**
     * The list the ranking makes of these histories: each account folded to its latest event, and its
     * whole history at hand for a day that ended before that.
     */
    static CallList of(CallListRanking ranking, String owner, LocalDate date, Stream<List<AccountEvent>> histories,
                       int size) {
        Map<UUID, List<AccountEvent>> byAccount = histories.collect(Collectors.toMap(
                history -> history.get(0).accountId(), history -> history, (a, b) -> a, LinkedHashMap::new));
        List<AccountState> states = byAccount.values().stream()
                .map(history -> AccountState.fold(history, Instant.MAX, HealthPolicy.defaults()))
                .toList();
        return ranking.callList(owner, date, states, byAccount::get, size);
    }
}
