package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.insights.HealthBand;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import com.rapport.events.insights.RiskSignalCleared;
import com.rapport.events.insights.RiskSignalRaised;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.account.AccountsChanged;
import com.rapport.insights.account.Rebuild;
import com.rapport.insights.account.Tables;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.RaisedSignal;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.losses.LossRows;
import com.rapport.insights.needs.NeedRows;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.PolicyHistory;
import com.rapport.insights.portfolio.Contribution;
import com.rapport.insights.portfolio.PortfolioDays;
import com.rapport.platform.processing.Savepoint;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps every account's assessment current, with work in proportion to what changed: after its
 * events (folded forward onto its state, or folded again from its history when one arrives that
 * happened before others already folded), and when its assessment changes with nothing happening —
 * each row says when that is, so a scheduled round takes only the accounts whose moment has come.
 * What changed in an account's band or neglect flag is published once, in the transaction that
 * records it; nothing is published while the read model is rebuilt.
 */
@Component
public class Reassessment implements AccountsChanged {

    private static final Logger log = LoggerFactory.getLogger(Reassessment.class);

    /** Accounts re-assessed in one transaction of the scheduled round. */
    static final int DUE_PER_TRANSACTION = 200;
    /** How long one scheduled round may go on before it leaves the rest to the next. */
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(50);

    private final AccountStates states;
    private final AccountHistories histories;
    private final NeedRows needs;
    private final LossRows losses;
    private final Rebuild rebuild;
    private final PortfolioDays portfolio;
    private final EventBus events;
    private final TransactionManager unitsOfWork;
    private final PlatformTransactionManager transactions;
    private final Policies policies;
    private final Clock clock;

    public Reassessment(AccountStates states, AccountHistories histories, NeedRows needs, LossRows losses,
                        Rebuild rebuild, PortfolioDays portfolio, EventBus events, TransactionManager unitsOfWork,
                        PlatformTransactionManager transactions, Policies policies, Clock clock) {
        this.states = states;
        this.histories = histories;
        this.needs = needs;
        this.losses = losses;
        this.rebuild = rebuild;
        this.portfolio = portfolio;
        this.events = events;
        this.unitsOfWork = unitsOfWork;
        this.transactions = transactions;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Keeps each account's new events and brings its row up to date, one account at a time as
     * {@code accounts} runs them. While the read model is rebuilt, every event is new to the tables being
     * built, insights' own conclusions among them (they tell what was published before); otherwise an
     * event kept before (a redelivery) is in the state already.
     */
    @Override
    public void afterEvents(Tables tables, Map<UUID, List<AccountHistories.Kept>> byAccount, OneByOne accounts) {
        Instant now = clock.instant();
        Map<UUID, AccountStates.Stored> rows = states.lock(tables, byAccount.keySet());
        // read once the rows are locked: a change of the policy committed before is seen, one committed after
        // makes these rows due again
        PolicyHistory policy = policies.history();
        PortfolioDays.Changes changes = new PortfolioDays.Changes();
        byAccount.forEach((accountId, events) -> accounts.run(accountId, () -> {
            List<AccountHistories.Kept> kept = histories.keep(events.stream()
                    .filter(event -> !AccountStates.Published.isConclusion(event.event()))
                    .toList());
            List<AccountHistories.Kept> news = tables == Tables.NEXT ? events : kept;
            PortfolioDays.Changes account = new PortfolioDays.Changes();
            if (!news.isEmpty()) {
                afterEvents(tables, accountId, rows.get(accountId), news, now, account, policy);
            }
            changes.addAll(account);
        }));
        if (tables == Tables.LIVE) {
            portfolio.apply(tables, changes);
        }
    }

    /**
     * Once across all instances, every {@code rapport.insights.reassess-every}: the accounts whose
     * assessment has changed since it was made, with nothing happening. While the read model is
     * rebuilt the live rows stand still; the rebuilt ones are assessed as they are built.
     */
    @Scheduled(fixedDelayString = "${rapport.insights.reassess-every}", initialDelayString = "${rapport.insights.reassess-every}")
    @SchedulerLock(name = "insights-reassessment")
    public void reassessDue() {
        if (rebuild.inProgress()) {
            return;
        }
        Instant started = clock.instant();
        int reassessed = 0;
        while (Duration.between(started, clock.instant()).compareTo(ROUND_BUDGET) < 0) {
            Instant now = clock.instant();
            List<UUID> due = states.due(now, DUE_PER_TRANSACTION);
            if (due.isEmpty()) {
                break;
            }
            try {
                inUnitOfWork(() -> {
                    PortfolioDays.Changes changes = new PortfolioDays.Changes();
                    Map<UUID, AccountStates.Stored> rows = states.lock(Tables.LIVE, due);
                    // read once the rows are locked, as after events
                    PolicyHistory policy = policies.history();
                    rows.forEach((accountId, row) -> {
                        try {
                            Savepoint.around(transactions, () -> {
                                PortfolioDays.Changes account = new PortfolioDays.Changes();
                                asTimePassed(accountId, row, now, account, policy);
                                changes.addAll(account);
                            });
                        } catch (RuntimeException e) {
                            // left due: it is tried again next round, and says so each time
                            log.error("Re-assessment of account {} as time passed failed", accountId, e);
                        }
                    });
                    portfolio.apply(Tables.LIVE, changes);
                });
                reassessed += due.size();
            } catch (RuntimeException e) {
                log.error("Scheduled re-assessment of accounts {} failed", due, e);
                break;
            }
            if (due.size() < DUE_PER_TRANSACTION) {
                break;
            }
        }
        if (reassessed > 0) {
            log.info("Scheduled re-assessment: {} accounts whose assessment had changed with time", reassessed);
        }
    }

    /**
     * @param row  the account's row, locked; null for an account the tables do not hold yet
     * @param news its new events in store order, insights' own conclusions among them while rebuilding
     * @param policy the policy's versions: the account is assessed now under the current one
     */
    private void afterEvents(Tables tables, UUID accountId, AccountStates.Stored row, List<AccountHistories.Kept> news,
                             Instant now, PortfolioDays.Changes changes, PolicyHistory policy) {
        AccountStates.Published published = row == null ? AccountStates.Published.NOTHING : row.published();
        List<AccountHistories.Kept> facts = new ArrayList<>();
        for (AccountHistories.Kept kept : news) {
            if (AccountStates.Published.isConclusion(kept.event())) {
                published = published.after(kept.event());
            } else {
                facts.add(kept);
            }
        }
        if (row != null && tables == Tables.LIVE) {
            sinceLastAssessed(accountId, row, now, changes, policy);
        }
        AccountState state = row == null ? null : row.state();
        if (!facts.isEmpty()) {
            long upTo = news.get(news.size() - 1).position();
            state = AccountState.withEvents(state, facts.stream().map(AccountHistories.Kept::event).toList(),
                    () -> histories.of(accountId, upTo), policy.current().policy());
            noteEarlierDays(tables, accountId, facts);
        }
        if (state == null || !state.isOpen()) {
            return;
        }
        Instant asOf = now.isBefore(state.foldedTo()) ? state.foldedTo() : now;
        Assessment assessment = HealthModel.assess(state, asOf, policy.current().policy()).orElseThrow();
        if (tables == Tables.LIVE) {
            published = publish(assessment, published);
            changes.set(accountId, Contribution.of(assessment), now);
        }
        states.save(tables, fresh(state, assessment, published, policy.current().policy()), row != null);
        List<AccountEvent> events = facts.stream().map(AccountHistories.Kept::event).toList();
        needs.apply(tables, events);
        if (judgesLossesAgain(state, events)) {
            losses.judge(tables, accountId, histories.of(accountId, news.get(news.size() - 1).position()));
        }
    }

    /**
     * Time passed and the account's assessment changed with nothing happening: what it adds to the
     * portfolio is followed from day to day (the figures are kept per day), however long it has been
     * since it was last assessed (a service stopped for a while catches up day by day), and its
     * assessment now is saved and what changed in it published.
     */
    private void asTimePassed(UUID accountId, AccountStates.Stored row, Instant now, PortfolioDays.Changes changes,
                              PolicyHistory policy) {
        AccountState state = row.state();
        sinceLastAssessed(accountId, row, now, changes, policy);
        Assessment assessment = HealthModel.assess(state, now, policy.current().policy()).orElseThrow();
        changes.set(accountId, Contribution.of(assessment), now);
        states.save(Tables.LIVE, fresh(state, assessment, publish(assessment, row.published()), policy.current().policy()),
                true);
    }

    /**
     * The row to save: the assessment with what follows from it if nothing happens (when it next changes,
     * when the account will be flagged), worked out once here so that reads cost nothing.
     */
    private static AccountStates.Fresh fresh(AccountState state, Assessment assessment, AccountStates.Published published,
                                             HealthPolicy policy) {
        Instant asOf = assessment.asOf();
        return new AccountStates.Fresh(state, assessment, HealthModel.nextChange(state, asOf, policy).orElse(null),
                HealthModel.runway(state, asOf, policy).orElse(null), published);
    }

    /**
     * What the account added to the portfolio at each start of a day since it was last assessed, as its
     * state then stood, under the policy then in force: what time alone changed before anything new happened.
     */
    private void sinceLastAssessed(UUID accountId, AccountStates.Stored row, Instant now, PortfolioDays.Changes changes,
                                   PolicyHistory policy) {
        for (Instant day : PortfolioDays.dayStartsBetween(row.asOf(), now)) {
            changes.set(accountId, contributionOf(row.state(), day, policy.inForceAt(day)), day);
        }
    }

    /**
     * Facts dated before a day already begun change what the account added to that day's portfolio
     * figures and the days since: those days are worked out again for it (see {@link PortfolioDays}).
     * While the read model is rebuilt no day is followed live, so every account's days are worked out,
     * from its first event on.
     */
    private void noteEarlierDays(Tables tables, UUID accountId, List<AccountHistories.Kept> facts) {
        AccountHistories.Kept earliest = facts.stream()
                .min(Comparator.comparing((AccountHistories.Kept kept) -> kept.event().occurredAt()))
                .orElseThrow();
        if (tables == Tables.NEXT || portfolio.isBeforeABegunDay(earliest.event().occurredAt())) {
            portfolio.backdated(tables, accountId, earliest.event().occurredAt());
        }
    }

    private static Contribution contributionOf(AccountState state, Instant asOf, HealthPolicy policy) {
        return HealthModel.assess(state, asOf, policy).map(Contribution::of).orElse(Contribution.NONE);
    }

    /** A loss is judged on what came before it and what followed until the next: its own events, or one slipped in before it. */
    private static boolean judgesLossesAgain(AccountState state, List<AccountEvent> facts) {
        Instant lastLoss = state.lastLostAt();
        return facts.stream().anyMatch(fact -> fact instanceof AccountLost || fact instanceof AccountWonBack
                || fact instanceof LostClientInterviewRecorded
                || (lastLoss != null && !fact.occurredAt().isAfter(lastLoss)));
    }

    /** Publishes what changed in the assessment since {@code published}: its band, neglect, each signal. */
    private AccountStates.Published publish(Assessment assessment, AccountStates.Published published) {
        return new AccountStates.Published(publishBand(assessment, published.band()),
                publishNeglect(assessment, published.neglected()), publishSignals(assessment, published.signals()));
    }

    private HealthBand publishBand(Assessment assessment, HealthBand published) {
        if (assessment.lost() || assessment.band() == published) {
            return published;
        }
        publish(new HealthBandChanged(assessment.accountId(), published, assessment.band(), assessment.score(),
                assessment.topReasons(3), assessment.asOf()));
        return assessment.band();
    }

    private boolean publishNeglect(Assessment assessment, boolean published) {
        if (assessment.neglected() && !published) {
            publish(new NeglectFlagRaised(assessment.accountId(), assessment.daysSinceContact(),
                    assessment.cadenceDays(), assessment.asOf()));
        } else if (!assessment.neglected() && published) {
            publish(new NeglectFlagCleared(assessment.accountId(), assessment.asOf()));
        }
        return assessment.neglected();
    }

    private Set<RiskSignal> publishSignals(Assessment assessment, Set<RiskSignal> published) {
        Set<RiskSignal> raised = EnumSet.noneOf(RiskSignal.class);
        for (RaisedSignal signal : assessment.signals()) {
            raised.add(signal.signal());
            if (!published.contains(signal.signal())) {
                publish(new RiskSignalRaised(assessment.accountId(), signal.signal().key(), signal.reason(),
                        signal.figures(), signal.subject(), assessment.asOf()));
            }
        }
        published.stream().filter(signal -> !raised.contains(signal)).sorted()
                .forEach(signal -> publish(new RiskSignalCleared(assessment.accountId(), signal.key(), assessment.asOf())));
        return raised;
    }

    /**
     * Straight onto the event bus, whose dispatch interceptors (the committed-events metrics) are the
     * ones every published event passes, once: the event gateway would pass them a second time.
     */
    private void publish(Object conclusion) {
        events.publish(GenericEventMessage.asEventMessage(conclusion));
    }

    /** What is published is appended to the store when the unit of work commits its transaction. */
    private void inUnitOfWork(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(unitsOfWork);
        unitOfWork.execute(work);
    }
}
