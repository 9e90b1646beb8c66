package com.rapport.insights.health;

import com.rapport.events.AccountEvent;
import com.rapport.insights.account.AccountState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why an account's score went from its value at one moment to its value at a later one: each factor's
 * part in the change, and how much of it each event made and how much time passing alone made.
 * <p>
 * A factor's part is its weighted sub-score ({@code score × weight / total weight}) then and now, in
 * points of the score, so that the parts add up to the change of the weighted average. The score itself
 * is that average rounded, and held below HEALTHY while a weighty factor is at 0 ({@link #capped}).
 *
 * @param from    the account's assessment at the start: the moment asked for, or the opening if that was later
 * @param to      its assessment at the end
 * @param factors every factor, in the model's order
 * @param steps   the events after {@code from} and up to {@code to} that moved a factor, in the order they happened
 * @param time    what time passing alone did to each factor it moved (days without contact, windows passing)
 */
public record ScoreMovement(Assessment from, Assessment to, List<FactorMovement> factors, List<Step> steps,
                            List<Drift> time) {

    /**
     * @param points its weighted sub-score's change: its part in the change of the score
     */
    public record FactorMovement(FactorScore from, FactorScore to, double points) {

        public Factor factor() {
            return to.factor();
        }
    }

    /**
     * An event that moved one factor or more.
     *
     * @param summary what happened, as a sales leader would say it
     * @param moves   the factors it moved, in the model's order
     */
    public record Step(AccountEvent event, String summary, List<Move> moves) {
    }

    /** What one event did to one factor: its sub-score just before and just after, and its part in the score's change. */
    public record Move(Factor factor, int scoreBefore, int scoreAfter, double points) {
    }

    /** What time passing alone did to one factor over the whole range, in points of the score. */
    public record Drift(Factor factor, double points) {
    }

    public ScoreMovement {
        factors = List.copyOf(factors);
        steps = List.copyOf(steps);
        time = List.copyOf(time);
    }

    /**
     * The account's history folded once, forward: assessed at the start, just before and just after each
     * event in the range, and at the end.
     *
     * @param history the account's events in the order they happened (those of one moment in the order they
     *                were recorded), as {@code AccountHistories} gives them
     * @return empty if the account was not yet open at {@code to}
     */
    public static Optional<ScoreMovement> between(List<? extends AccountEvent> history, Instant from, Instant to,
                                                  HealthPolicy policy) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A movement runs from a moment to a later one, not from " + from + " to " + to);
        }
        AccountState state = new AccountState();
        int next = 0;
        while (next < history.size() && !state.isOpen() && !history.get(next).occurredAt().isAfter(to)) {
            state.apply(history.get(next++), policy);
        }
        if (!state.isOpen()) {
            return Optional.empty();
        }
        Instant start = from.isBefore(state.openedAt()) ? state.openedAt() : from;
        while (next < history.size() && !history.get(next).occurredAt().isAfter(start)) {
            state.apply(history.get(next++), policy);
        }
        Assessment first = assess(state, start, policy);
        Assessment before = first;
        Map<Factor, Double> drift = new EnumMap<>(Factor.class);
        List<Step> steps = new ArrayList<>();
        while (next < history.size() && !history.get(next).occurredAt().isAfter(to)) {
            AccountEvent event = history.get(next++);
            Assessment waited = assess(state, event.occurredAt(), policy);
            addUp(moves(before, waited), drift);
            String summary = EventSummaries.of(event, state);
            state.apply(event, policy);
            Assessment after = assess(state, event.occurredAt(), policy);
            List<Move> moves = moves(waited, after);
            if (!moves.isEmpty()) {
                steps.add(new Step(event, summary, moves));
            }
            before = after;
        }
        Assessment last = assess(state, to, policy);
        addUp(moves(before, last), drift);
        List<FactorMovement> factors = new ArrayList<>();
        for (int i = 0; i < last.factors().size(); i++) {
            factors.add(new FactorMovement(first.factors().get(i), last.factors().get(i),
                    part(last, i) - part(first, i)));
        }
        List<Drift> time = drift.entrySet().stream().map(moved -> new Drift(moved.getKey(), moved.getValue())).toList();
        return Optional.of(new ScoreMovement(first, last, factors, steps, time));
    }

    /** The weighted average of the sub-scores, before it is rounded and capped: the parts add up to its change. */
    public static double weighted(Assessment assessment) {
        double sum = 0;
        for (int i = 0; i < assessment.factors().size(); i++) {
            sum += part(assessment, i);
        }
        return totalWeight(assessment) == 0 ? 100 : sum;
    }

    /** Whether the score is held below the weighted average's rounding: a weighty factor is at 0. */
    public static boolean capped(Assessment assessment) {
        return assessment.score() < Math.round(weighted(assessment));
    }

    private static Assessment assess(AccountState state, Instant moment, HealthPolicy policy) {
        return HealthModel.assess(state, moment, policy).orElseThrow();
    }

    /** The factors whose part in the score differs between two assessments, in the model's order. */
    private static List<Move> moves(Assessment before, Assessment after) {
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < after.factors().size(); i++) {
            FactorScore then = before.factors().get(i);
            FactorScore now = after.factors().get(i);
            // compared as whole numbers, so that a part that did not change is never listed for a rounding error
            if ((long) then.score() * then.weight() * totalWeight(after) != (long) now.score() * now.weight() * totalWeight(before)) {
                moves.add(new Move(now.factor(), then.score(), now.score(), part(after, i) - part(before, i)));
            }
        }
        return moves;
    }

    private static void addUp(List<Move> moves, Map<Factor, Double> drift) {
        moves.forEach(move -> drift.merge(move.factor(), move.points(), Double::sum));
    }

    private static double part(Assessment assessment, int factor) {
        FactorScore score = assessment.factors().get(factor);
        int total = totalWeight(assessment);
        return total == 0 ? 0 : (double) score.score() * score.weight() / total;
    }

    private static int totalWeight(Assessment assessment) {
        return assessment.factors().stream().mapToInt(FactorScore::weight).sum();
    }
}
