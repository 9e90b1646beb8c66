package com.rapport.insights.needs;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An account's unmet needs, as its history tells them: pure, the history and a moment in, the needs out. */
public final class UnmetNeeds {

    private String accountName;
    private String ownerId;
    private boolean lost;
    private final Map<UUID, Entry> needs = new LinkedHashMap<>();

    private UnmetNeeds() {
    }

    /**
     * @param history the account's events, lost accounts' included
     * @param now     what the age of an open need is counted to
     */
    public static List<Need> of(List<? extends AccountEvent> history, Instant now) {
        UnmetNeeds account = new UnmetNeeds();
        // stable: events of the same moment keep the order they were recorded in
        history.stream().sorted(Comparator.comparing(AccountEvent::occurredAt)).forEachOrdered(account::apply);
        return account.needs.values().stream().map(entry -> account.need(entry, now)).toList();
    }

    private void apply(AccountEvent event) {
        if (event instanceof AccountOpened e) {
            accountName = e.name();
            ownerId = e.ownerId();
        } else if (event instanceof AccountProfileChanged e && e.name() != null) {
            accountName = e.name();
        } else if (event instanceof AccountOwnerAssigned e) {
            ownerId = e.ownerId();
        } else if (event instanceof AccountLost) {
            lost = true;
        } else if (event instanceof AccountWonBack) {
            lost = false;
        } else if (event instanceof UnmetNeedRaised e) {
            needs.putIfAbsent(e.needId(), new Entry(e));
        } else if (event instanceof UnmetNeedAddressed e) {
            end(e.needId(), NeedStatus.ADDRESSED, e.occurredAt(), null);
        } else if (event instanceof UnmetNeedDeclined e) {
            end(e.needId(), NeedStatus.DECLINED, e.occurredAt(), null);
        } else if (event instanceof UnmetNeedLostToCompetitor e) {
            end(e.needId(), NeedStatus.LOST_TO_COMPETITOR, e.occurredAt(), e.competitor());
        }
    }

    /** A need ends once; an end of a need this history never raised is not one of its needs. */
    private void end(UUID needId, NeedStatus status, Instant at, String competitor) {
        Entry entry = needs.get(needId);
        if (entry != null && entry.status == NeedStatus.OPEN) {
            entry.status = status;
            entry.endedAt = at;
            entry.competitor = competitor == null || competitor.isBlank() ? null : competitor.strip();
        }
    }

    private Need need(Entry entry, Instant now) {
        UnmetNeedRaised raised = entry.raised;
        Instant until = entry.endedAt != null ? entry.endedAt : now;
        return new Need(raised.needId(), raised.accountId(), accountName, ownerId, lost ? "LOST" : "ACTIVE",
                raised.category(), raised.description(), raised.occurredAt(), entry.status,
                Math.max(0, Duration.between(raised.occurredAt(), until).toDays()), entry.endedAt, entry.competitor);
    }

    private static final class Entry {
        final UnmetNeedRaised raised;
        NeedStatus status = NeedStatus.OPEN;
        Instant endedAt;
        String competitor;

        Entry(UnmetNeedRaised raised) {
            this.raised = raised;
        }
    }
}
