package com.rapport.insights.losses;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountOpened;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One account's history played forward once, as the health model would have seen it live: each
 * question is asked of the events up to its moment, folded onto the state of the question before.
 * So the questions must come in the order of their moments; one fold answers them all.
 * <p>
 * It holds the one rule of when Rapport would have warned before a loss ({@link #firstWarning}),
 * which the loss analysis and the backtest share.
 */
public final class Replay {

    private static final Duration DAY = Duration.ofDays(1);

    private final List<AccountEvent> events;
    private final HealthPolicy policy;
    private final Instant openedAt;
    private final AccountState known = new AccountState();
    private int folded;

    /** Would Rapport have warned, and how: the first flag of a cycle before its loss. */
    public record Warning(Instant at, Flag flag) {

        public long leadTimeDays(Instant lostAt) {
            return Duration.between(at, lostAt).toDays();
        }
    }

    private Replay(List<AccountEvent> events, HealthPolicy policy) {
        this.events = events;
        this.policy = policy;
        this.openedAt = events.stream().filter(AccountOpened.class::isInstance).findFirst()
                .map(AccountEvent::occurredAt).orElse(null);
    }

    /** @param history the account's events, in any order: they are played in the order they happened */
    public static Replay of(List<? extends AccountEvent> history, HealthPolicy policy) {
        return new Replay(inOrder(history), policy);
    }

    /** Stable: events of the same moment keep the order they were recorded in. */
    public static List<AccountEvent> inOrder(List<? extends AccountEvent> history) {
        return history.stream().sorted(Comparator.comparing(AccountEvent::occurredAt))
                .map(AccountEvent.class::cast).toList();
    }

    /** The events in the order they are played. */
    public List<AccountEvent> events() {
        return events;
    }

    /**
     * The account's assessment at a moment no earlier than any asked about before.
     *
     * @return empty if the account was not yet open then
     */
    public Optional<Assessment> assess(Instant moment) {
        while (folded < events.size() && !events.get(folded).occurredAt().isAfter(moment)) {
            known.apply(events.get(folded++), policy);
        }
        return HealthModel.assess(known, moment, policy);
    }

    /**
     * The first flag Rapport would have raised before a loss: the health model asked once a day, at the
     * time of day the account was opened, after {@code cycleStart} (the win-back or earlier loss that began
     * this cycle; null for the first) and before {@code lostAt}. Each day only up to the first flag is
     * assessed, so an account warned of early costs little. Cycles must be asked about in order.
     */
    public Optional<Warning> firstWarning(Instant cycleStart, Instant lostAt) {
        if (openedAt == null) {
            return Optional.empty();
        }
        long firstDay = cycleStart == null ? 0 : Math.max(0, Duration.between(openedAt, cycleStart).toDays());
        for (Instant day = openedAt.plus(DAY.multipliedBy(firstDay)); day.isBefore(lostAt); day = day.plus(DAY)) {
            if (cycleStart != null && !day.isAfter(cycleStart)) {
                continue;
            }
            Optional<Flag> flag = assess(day).flatMap(Flag::of);
            if (flag.isPresent()) {
                return Optional.of(new Warning(day, flag.get()));
            }
        }
        return Optional.empty();
    }
}
