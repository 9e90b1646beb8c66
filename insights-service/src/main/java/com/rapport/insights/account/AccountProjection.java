package com.rapport.insights.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import com.rapport.insights.history.AccountHistories;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code histories} processor: keeps a copy of each account event, and brings the accounts its
 * events concern up to date, once per batch of events rather than once per event. The processor
 * hands its events over in batches, each in one transaction with its token; the events are
 * collected as they come, then every account of the batch is loaded once, folded forward, assessed
 * once and saved once, when the batch commits.
 * <p>
 * Insights' own conclusions (band changes and neglect flags) are not part of any history; while the
 * read model is rebuilt they tell it what was published before, so that nothing is published twice.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSOR)
public class AccountProjection {

    public static final String PROCESSOR = "histories";

    private static final Logger log = LoggerFactory.getLogger(AccountProjection.class);
    private static final String BATCH = AccountProjection.class.getName() + ".batch";
    private static final long PROGRESS_EVERY = 10_000;

    private static final Set<Class<?>> CONCLUSIONS = Set.of(HealthBandChanged.class, NeglectFlagRaised.class,
            NeglectFlagCleared.class);

    private final AccountHistories histories;
    private final AccountsChanged changed;
    private final Rebuild rebuild;

    public AccountProjection(AccountHistories histories, AccountsChanged changed, Rebuild rebuild) {
        this.histories = histories;
        this.changed = changed;
        this.rebuild = rebuild;
    }

    @EventHandler
    void on(AccountEvent event, EventMessage<?> message, TrackingToken token) {
        long position = token.position().orElse(0);
        batch().add(new AccountHistories.Kept(message.getIdentifier(), position, event));
    }

    /** A rebuild starts: the read model is built again beside the live one, which goes on answering. */
    @ResetHandler
    void rebuildBesideTheLiveTables() {
        rebuild.start();
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> batch.flush());
            return batch;
        });
    }

    /** The events of one batch, in the order the processor handed them over. */
    private final class Batch {

        private final List<AccountHistories.Kept> events = new ArrayList<>();

        void add(AccountHistories.Kept event) {
            events.add(event);
        }

        void flush() {
            Tables tables = rebuild.target();
            List<AccountHistories.Kept> facts = events.stream()
                    .filter(kept -> !CONCLUSIONS.contains(kept.event().getClass()))
                    .toList();
            // a replay or a redelivery brings events kept before: the live state has them already
            List<AccountHistories.Kept> added = histories.keep(facts);
            // the tables a rebuild fills have none of them, and learn from the conclusions what was published
            List<AccountHistories.Kept> news = tables == Tables.NEXT ? events : added;
            Map<UUID, List<AccountHistories.Kept>> byAccount = new LinkedHashMap<>();
            for (AccountHistories.Kept kept : news) {
                byAccount.computeIfAbsent(kept.event().accountId(), account -> new ArrayList<>()).add(kept);
            }
            if (tables == Tables.NEXT && !events.isEmpty()) {
                long first = events.get(0).position();
                long last = events.get(events.size() - 1).position();
                if (last / PROGRESS_EVERY != first / PROGRESS_EVERY) {
                    log.info("Rebuilding the account read models: at global index {}", last);
                }
            }
            changed.afterEvents(tables, byAccount);
        }
    }
}
