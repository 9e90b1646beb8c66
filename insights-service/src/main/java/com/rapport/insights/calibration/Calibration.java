package com.rapport.insights.calibration;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.LossReason;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.Factor;
import com.rapport.insights.health.FactorScore;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.RaisedSignal;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.losses.Loss;
import com.rapport.insights.losses.LossAnalysis;
import com.rapport.insights.losses.Replay;
import com.rapport.insights.losses.Window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fits the health policy to the firm's own losses, in two transparent steps:
 * <ol>
 * <li>the factor weights: a logistic regression ({@link LossOdds}) of "lost within the next
 * {@value #HORIZON_DAYS} days" on each factor's shortfall, over the firm's assessments replayed week by
 * week; each weight is its coefficient's share of the positive ones (a factor whose shortfall does not
 * raise the odds of a loss weighs 0);</li>
 * <li>the AT_RISK threshold and which risk signals raise a flag: a bounded search over every threshold
 * from 5 to 95 and, signal by signal, on or off, for the most losses flagged before they happened
 * (then the longest median lead) while at most {@code falseAlarmTarget} of the assessments of
 * accounts kept are flagged.</li>
 * </ol>
 * The cadences, windows and signal thresholds stay as they are: they are the firm's expectations, not
 * fitted. Losses for reasons no history shows ({@code outside}) are left out. The proposal is made
 * through {@link HealthPolicy}'s constructor, so it can never contradict itself.
 */
public final class Calibration {

    /** Fewer foreseeable losses than this are too few to fit anything to: the policy stays. */
    public static final int MINIMUM_LOSSES = 8;
    /** An assessment this close before a loss counts as one that should have warned. */
    static final int HORIZON_DAYS = 180;
    private static final Duration WEEK = Duration.ofDays(7);
    /** Accounts kept are many: one assessment in four weeks of theirs is enough, and bounds the memory. */
    private static final int KEPT_EVERY_WEEKS = 4;

    /**
     * @param enough       whether the history held enough losses to fit; if not, {@code proposed} is {@code current}
     * @param why          what the proposal rests on, or why there is none, in a sentence
     * @param coefficients each factor's coefficient in the regression; empty when not enough
     */
    public record Proposal(boolean enough, String why, HealthPolicy current, HealthPolicy proposed,
                           Map<Factor, Double> coefficients) {
    }

    private final double falseAlarmTarget;
    private final Set<LossReason> outside;

    /**
     * @param falseAlarmTarget the largest share of assessments of accounts kept that may be flagged, e.g. 0.10
     * @param outside          loss reasons no relationship history shows
     */
    public Calibration(double falseAlarmTarget, Set<LossReason> outside) {
        if (falseAlarmTarget <= 0 || falseAlarmTarget >= 1) {
            throw new IllegalArgumentException("The false-alarm target must lie between 0 and 1, not " + falseAlarmTarget);
        }
        this.falseAlarmTarget = falseAlarmTarget;
        this.outside = Set.copyOf(outside);
    }

    public Proposal propose(Stream<? extends List<? extends AccountEvent>> histories, Window window, HealthPolicy current) {
        HealthPolicy everySignal = current.withSignals(current.signals().withOff(Set.of()));
        List<Sample> samples = new ArrayList<>();
        int[] losses = {0};
        histories.forEach(history -> losses[0] = sample(history, window, everySignal, losses[0], samples));
        if (losses[0] < MINIMUM_LOSSES) {
            return new Proposal(false, "Only " + losses[0] + " loss" + (losses[0] == 1 ? "" : "es")
                    + " that a relationship's history could show in the window; calibration needs at least "
                    + MINIMUM_LOSSES + ", so the policy in force stays", current, current, Map.of());
        }
        Map<Factor, Double> coefficients = LossOdds.fit(samples);
        Map<Factor, Integer> weights = weights(coefficients, current);
        Search search = new Search(samples, weights, losses[0]);
        Choice best = search.best(enabled(current));
        int watch = best.threshold();
        HealthPolicy proposed = current.withWeightsAndBands(weights, Math.max(current.healthyFrom(), watch + 1), watch,
                        Math.max(1, Math.min(current.atRiskFrom(), watch - 1)))
                .withSignals(current.signals().withOff(off(best.signals())));
        return new Proposal(true, "Fitted to " + losses[0] + " losses a relationship's history could show and "
                + samples.size() + " assessments; on them the proposal flags " + percent(best.outcome().recall())
                + " of those losses ahead, and " + percent(best.outcome().falseAlarms()) + " of the assessments of accounts kept",
                current, proposed, coefficients);
    }

    /** @return the number of losses counted so far, this account's included */
    private int sample(List<? extends AccountEvent> history, Window window, HealthPolicy policy, int lossesBefore,
                       List<Sample> samples) {
        // judged once: a loss is judged alike whatever window asks for it
        List<Loss> every = new LossAnalysis(policy).lossesIn(history, Window.ALL_TIME);
        List<Loss> foreseeable = every.stream()
                .filter(loss -> window.contains(loss.lostAt()) && !outside.contains(loss.primaryReason()))
                .toList();
        Replay replay = Replay.of(history, policy);
        if (replay.events().isEmpty()) {
            return lossesBefore;
        }
        Instant start = replay.events().get(0).occurredAt();
        int week = 0;
        for (Instant moment = start; moment.isBefore(window.to()); moment = moment.plus(WEEK), week++) {
            Optional<Assessment> assessment = replay.assess(moment);
            if (moment.isBefore(window.from()) || assessment.isEmpty() || assessment.get().lost()) {
                continue;
            }
            Instant at = moment;
            Optional<Loss> next = every.stream().filter(loss -> loss.lostAt().isAfter(at)).findFirst();
            if (next.isEmpty()) {
                if (week % KEPT_EVERY_WEEKS == 0) {
                    samples.add(of(assessment.get(), -1, 0));
                }
                continue;
            }
            int index = foreseeable.indexOf(next.get());
            long days = Duration.between(moment, next.get().lostAt()).toDays();
            if (index >= 0 && days <= HORIZON_DAYS) {
                samples.add(of(assessment.get(), lossesBefore + index, (int) days));
            }
        }
        return lossesBefore + foreseeable.size();
    }

    private static Sample of(Assessment assessment, int loss, int daysBeforeLoss) {
        byte[] scores = new byte[Factor.values().length];
        int weighed = 0;
        for (FactorScore factor : assessment.factors()) {
            scores[factor.factor().ordinal()] = (byte) factor.score();
            if (factor.weight() > 0) {
                weighed |= 1 << factor.factor().ordinal();
            }
        }
        int signals = 0;
        for (RaisedSignal signal : assessment.signals()) {
            signals |= 1 << signal.signal().ordinal();
        }
        return new Sample(scores, weighed, assessment.neglected(), signals, loss, daysBeforeLoss);
    }

    /** Each factor's share of the positive coefficients, in whole points out of 100; the current weights if none is positive. */
    private static Map<Factor, Integer> weights(Map<Factor, Double> coefficients, HealthPolicy current) {
        double positive = coefficients.values().stream().mapToDouble(coefficient -> Math.max(0, coefficient)).sum();
        if (positive <= 0) {
            return current.weights();
        }
        Map<Factor, Integer> weights = new EnumMap<>(Factor.class);
        coefficients.forEach((factor, coefficient) ->
                weights.put(factor, (int) Math.round(100 * Math.max(0, coefficient) / positive)));
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            return current.weights();
        }
        return weights;
    }

    private static int enabled(HealthPolicy policy) {
        int mask = 0;
        for (RiskSignal signal : RiskSignal.values()) {
            if (policy.signals().raises(signal)) {
                mask |= 1 << signal.ordinal();
            }
        }
        return mask;
    }

    private static Set<RiskSignal> off(int enabled) {
        Set<RiskSignal> off = EnumSet.noneOf(RiskSignal.class);
        Arrays.stream(RiskSignal.values()).filter(signal -> (enabled & (1 << signal.ordinal())) == 0).forEach(off::add);
        return off;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** What a threshold and a set of signals would have done on the samples. */
    record Outcome(double recall, double medianLead, double falseAlarms) {
    }

    record Choice(int threshold, int signals, Outcome outcome) {
    }

    /** The bounded search of step 2, on the samples scored once with the fitted weights. */
    private final class Search {

        private static final int LOWEST = 5;
        private static final int HIGHEST = 95;

        private final List<Sample> samples;
        private final double[] scores;
        private final int losses;

        Search(List<Sample> samples, Map<Factor, Integer> weights, int losses) {
            this.samples = samples;
            this.losses = losses;
            this.scores = new double[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                double total = 0;
                double weight = 0;
                for (Factor factor : Factor.values()) {
                    if ((sample.weighed() & (1 << factor.ordinal())) != 0) {
                        total += weights.get(factor) * sample.scores()[factor.ordinal()];
                        weight += weights.get(factor);
                    }
                }
                scores[i] = weight == 0 ? 100 : total / weight;
            }
        }

        /**
         * From the signals in force, the best threshold; then, as long as it helps, the one signal turned on or
         * off that helps most, with the best threshold for it.
         */
        Choice best(int inForce) {
            Choice best = bestThreshold(inForce);
            while (true) {
                Choice step = null;
                for (RiskSignal signal : RiskSignal.values()) {
                    Choice tried = bestThreshold(best.signals() ^ (1 << signal.ordinal()));
                    if (step == null || isBetter(tried.outcome(), step.outcome())) {
                        step = tried;
                    }
                }
                if (!isBetter(step.outcome(), best.outcome())) {
                    return best;
                }
                best = step;
            }
        }

        private Choice bestThreshold(int signals) {
            Choice best = null;
            for (int threshold = LOWEST; threshold <= HIGHEST; threshold++) {
                Choice tried = new Choice(threshold, signals, outcome(threshold, signals));
                if (best == null || isBetter(tried.outcome(), best.outcome())) {
                    best = tried;
                }
            }
            return best;
        }

        /** Within the false-alarm target first; then the most losses flagged; then the longest median lead; then fewer alarms. */
        private boolean isBetter(Outcome tried, Outcome best) {
            boolean triedWithin = tried.falseAlarms() <= falseAlarmTarget;
            boolean bestWithin = best.falseAlarms() <= falseAlarmTarget;
            if (triedWithin != bestWithin) {
                return triedWithin;
            }
            if (!triedWithin) {
                return tried.falseAlarms() < best.falseAlarms();
            }
            if (tried.recall() != best.recall()) {
                return tried.recall() > best.recall();
            }
            if (tried.medianLead() != best.medianLead()) {
                return tried.medianLead() > best.medianLead();
            }
            return tried.falseAlarms() < best.falseAlarms();
        }

        private Outcome outcome(int threshold, int signals) {
            int[] earliest = new int[losses];
            Arrays.fill(earliest, -1);
            long kept = 0;
            long alarms = 0;
            for (int i = 0; i < scores.length; i++) {
                Sample sample = samples.get(i);
                boolean flagged = scores[i] < threshold || sample.neglected() || (sample.signals() & signals) != 0;
                if (!sample.beforeALoss()) {
                    kept++;
                    alarms += flagged ? 1 : 0;
                } else if (flagged) {
                    earliest[sample.loss()] = Math.max(earliest[sample.loss()], sample.daysBeforeLoss());
                }
            }
            int[] leads = Arrays.stream(earliest).filter(lead -> lead >= 0).sorted().toArray();
            double median = leads.length == 0 ? 0 : leads.length % 2 == 1 ? leads[leads.length / 2]
                    : (leads[leads.length / 2 - 1] + leads[leads.length / 2]) / 2.0;
            return new Outcome(losses == 0 ? 0 : leads.length / (double) losses, median,
                    kept == 0 ? 0 : alarms / (double) kept);
        }
    }
}
