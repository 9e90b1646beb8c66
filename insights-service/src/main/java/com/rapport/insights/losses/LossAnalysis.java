package com.rapport.insights.losses;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The loss analysis: for every account we lost, why it left, whether we asked, and how long
 * before the loss Rapport would have warned us. Pure: histories and a policy in, the report out.
 *
 * <p>"Would have warned" is answered by replaying the health model as if it had assessed the
 * account once a day, at the time of day it was opened, from the opening to just before the
 * loss. Only {@code occurredAt} counts, so a history imported after the fact is judged as one
 * recorded live. An account lost, won back and lost again is judged once per loss, each time
 * on the days after the previous win-back only.
 */
public final class LossAnalysis {

    private static final Duration DAY = Duration.ofDays(1);

    private final HealthPolicy policy;

    public LossAnalysis(HealthPolicy policy) {
        this.policy = policy;
    }

    /** @param histories every account's events; each is read once, so they may be loaded one at a time */
    public LossReport report(Stream<? extends List<? extends AccountEvent>> histories, Window window) {
        return LossReport.of(histories.flatMap(history -> lossesIn(history, window).stream()).toList(), window);
    }

    /** The account's losses that occurred in the window, each judged on its own. */
    public List<Loss> lossesIn(List<? extends AccountEvent> history, Window window) {
        // stable: events of the same moment keep the order they were recorded in
        List<AccountEvent> events = history.stream().sorted(Comparator.comparing(AccountEvent::occurredAt))
                .map(AccountEvent.class::cast).toList();
        List<Loss> losses = new ArrayList<>();
        Instant openedAt = null;
        Instant cycleStart = null;
        for (int i = 0; i < events.size(); i++) {
            AccountEvent event = events.get(i);
            if (event instanceof AccountOpened && openedAt == null) {
                openedAt = event.occurredAt();
            } else if (event instanceof AccountWonBack) {
                cycleStart = event.occurredAt();
            } else if (event instanceof AccountLost lost) {
                if (window.contains(lost.occurredAt())) {
                    losses.add(judge(events, i, openedAt, cycleStart));
                }
                // a second loss without a win-back between them is judged on nothing before this one
                cycleStart = lost.occurredAt();
            }
        }
        return losses;
    }

    private Loss judge(List<AccountEvent> events, int lossAt, Instant openedAt, Instant cycleStart) {
        AccountLost lost = (AccountLost) events.get(lossAt);
        Aftermath aftermath = aftermath(events, lossAt);
        Optional<Assessment> asLost = HealthModel.assess(events, lost.occurredAt(), policy);
        Optional<Warning> warning = openedAt == null ? Optional.empty()
                : firstWarning(events, openedAt, cycleStart, lost.occurredAt());
        LostClientInterviewRecorded interview = aftermath.interview();
        return new Loss(lost.accountId(),
                asLost.map(Assessment::name).orElse(null),
                asLost.map(Assessment::ownerId).orElse(null),
                asLost.map(Assessment::tier).orElse(null),
                asLost.map(Assessment::annualValue).orElse(null),
                asLost.map(Assessment::currency).orElse(null),
                lost.occurredAt(),
                interview != null ? interview.primaryReason() : lost.reason(),
                named(interview != null ? interview.competitor() : lost.competitor()),
                interview != null,
                interview != null ? interview.occurredAt() : null,
                interview != null ? interview.winBackChance() : null,
                warning.map(Warning::at).orElse(null),
                warning.map(Warning::flag).orElse(null),
                warning.map(found -> Duration.between(found.at(), lost.occurredAt()).toDays()).orElse(null),
                aftermath.wonBackAt());
    }

    /**
     * The first daily assessment after {@code cycleStart} (if any) and before {@code lostAt} that
     * would have raised a flag. Each day is assessed on the events up to it, folded forward day by day.
     */
    private Optional<Warning> firstWarning(List<AccountEvent> events, Instant openedAt, Instant cycleStart,
                                           Instant lostAt) {
        long firstDay = cycleStart == null ? 0 : Math.max(0, Duration.between(openedAt, cycleStart).toDays());
        AccountState known = new AccountState();
        int folded = 0;
        for (Instant day = openedAt.plus(DAY.multipliedBy(firstDay)); day.isBefore(lostAt); day = day.plus(DAY)) {
            while (folded < events.size() && !events.get(folded).occurredAt().isAfter(day)) {
                known.apply(events.get(folded++), policy);
            }
            if (cycleStart != null && !day.isAfter(cycleStart)) {
                continue;
            }
            Optional<Flag> flag = HealthModel.assess(known, day, policy).flatMap(Flag::of);
            if (flag.isPresent()) {
                return Optional.of(new Warning(day, flag.get()));
            }
        }
        return Optional.empty();
    }

    /** What followed the loss until the next one: the latest exit interview, and the win-back. */
    private static Aftermath aftermath(List<AccountEvent> events, int lossAt) {
        LostClientInterviewRecorded interview = null;
        Instant wonBackAt = null;
        for (AccountEvent event : events.subList(lossAt + 1, events.size())) {
            if (event instanceof AccountLost) {
                break;
            }
            if (event instanceof LostClientInterviewRecorded recorded) {
                interview = recorded;
            } else if (event instanceof AccountWonBack && wonBackAt == null) {
                wonBackAt = event.occurredAt();
            }
        }
        return new Aftermath(interview, wonBackAt);
    }

    private static String named(String competitor) {
        return competitor == null || competitor.isBlank() ? null : competitor.strip();
    }

    private record Warning(Instant at, Flag flag) {
    }

    private record Aftermath(LostClientInterviewRecorded interview, Instant wonBackAt) {
    }
}
