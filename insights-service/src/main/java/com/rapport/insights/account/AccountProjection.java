package com.rapport.insights.account;

import com.rapport.events.AccountEvent;
import com.rapport.insights.history.AccountHistories;
import com.rapport.platform.processing.AppliedInBatches;
import com.rapport.platform.processing.DeadLetters;
import com.rapport.platform.processing.Savepoint;
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
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code histories} processor: brings the accounts its events concern up to date, once per batch
 * of events rather than once per event. The processor hands its events over in batches, each in one
 * transaction with its token; the events are collected as they come, then every account of the batch
 * is loaded once, folded forward, assessed once and saved once, when the batch commits (see
 * {@link AccountsChanged}).
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSOR)
@AppliedInBatches
public class AccountProjection {

    public static final String PROCESSOR = "histories";

    private static final Logger log = LoggerFactory.getLogger(AccountProjection.class);
    private static final String BATCH = AccountProjection.class.getName() + ".batch";
    private static final long PROGRESS_EVERY = 10_000;

    private final AccountsChanged changed;
    private final Rebuild rebuild;
    private final DeadLetters deadLetters;
    private final PlatformTransactionManager transactions;

    public AccountProjection(AccountsChanged changed, Rebuild rebuild, DeadLetters deadLetters,
                             PlatformTransactionManager transactions) {
        this.changed = changed;
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
    }

    @EventHandler
    void on(AccountEvent event, EventMessage<?> message, TrackingToken token) {
        batch().add(new AccountHistories.Kept(message.getIdentifier(), token.position().orElse(0), event), message);
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

    /**
     * The events of one batch, in the order the processor handed them over. Each account's share is
     * applied in a savepoint: an account whose events cannot be applied (a value the database refuses, a
     * bug) has them set aside as dead letters of its sequence, visibly, and the other accounts of the
     * batch go on; a failure that may pass (the database away) fails the batch, which is tried again.
     * The account's later events are kept as they come: folded in with the ones set aside once those are
     * retried, since an event that arrives after later ones folds the account's history again.
     */
    private final class Batch {

        private final Map<UUID, List<AccountHistories.Kept>> byAccount = new LinkedHashMap<>();
        private final Map<String, EventMessage<?>> messages = new HashMap<>();
        private long first = -1;
        private long last;

        void add(AccountHistories.Kept event, EventMessage<?> message) {
            byAccount.computeIfAbsent(event.event().accountId(), account -> new ArrayList<>()).add(event);
            messages.put(event.eventId(), message);
            first = first < 0 ? event.position() : first;
            last = event.position();
        }

        void flush() {
            Tables tables = rebuild.target();
            if (tables == Tables.NEXT && last / PROGRESS_EVERY != first / PROGRESS_EVERY) {
                log.info("Rebuilding the account read models: at global index {}", last);
            }
            changed.afterEvents(tables, byAccount, (accountId, work) -> {
                try {
                    Savepoint.around(transactions, work);
                } catch (RuntimeException failure) {
                    deadLetters.setAside(PROCESSOR, accountId,
                            byAccount.get(accountId).stream().map(kept -> messages.get(kept.eventId())).toList(), failure);
                }
            });
        }
    }
}
