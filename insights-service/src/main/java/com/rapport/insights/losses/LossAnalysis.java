package com.rapport.insights.losses;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The loss analysis: for every account we lost, why it left, whether we asked, and how long
 * before the loss Rapport would have warned us. Pure: histories and a policy in, the report out.
 *
 * <p>"Would have warned" is answered by replaying the health model as if it had assessed the
 * account once a day, at the time of day it was opened, from the opening to just before the
 * loss: {@link Replay#firstWarning}, the rule the backtest shares. Only {@code occurredAt}
 * counts, so a history imported after the fact is judged as one recorded live. An account lost,
 * won back and lost again is judged once per loss, each time on the days after the previous
 * win-back only.
 */
public final class LossAnalysis {

    private final HealthPolicy policy;

    public LossAnalysis(HealthPolicy policy) {
        this.policy = policy;
    }

    /** @param histories every account's events; each is read once, so they may be loaded one at a time */
    public LossReport report(Stream<? extends List<? extends AccountEvent>> histories, Window window) {
        return LossReport.of(histories.flatMap(history -> lossesIn(history, window).stream()).toList(), window);
    }

    /** The account's losses that occurred in the window, each judged on its own, all on one replay of its history. */
    public List<Loss> lossesIn(List<? extends AccountEvent> history, Window window) {
        Replay replay = Replay.of(history, policy);
        List<AccountEvent> events = replay.events();
        List<Loss> losses = new ArrayList<>();
        Instant cycleStart = null;
        for (int i = 0; i < events.size(); i++) {
            AccountEvent event = events.get(i);
            if (event instanceof AccountWonBack) {
                cycleStart = event.occurredAt();
            } else if (event instanceof AccountLost lost) {
                if (window.contains(lost.occurredAt())) {
                    losses.add(judge(replay, i, cycleStart));
                }
                // a second loss without a win-back between them is judged on nothing before this one
                cycleStart = lost.occurredAt();
            }
        }
        return losses;
    }

    private static Loss judge(Replay replay, int lossAt, Instant cycleStart) {
        List<AccountEvent> events = replay.events();
        AccountLost lost = (AccountLost) events.get(lossAt);
        Aftermath aftermath = aftermath(events, lossAt);
        Optional<Replay.Warning> warning = replay.firstWarning(cycleStart, lost.occurredAt());
        Optional<Assessment> asLost = replay.assess(lost.occurredAt());
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
                warning.map(Replay.Warning::at).orElse(null),
                warning.map(Replay.Warning::flag).orElse(null),
                warning.map(found -> found.leadTimeDays(lost.occurredAt())).orElse(null),
                aftermath.wonBackAt());
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

    private record Aftermath(LostClientInterviewRecorded interview, Instant wonBackAt) {
    }
}
