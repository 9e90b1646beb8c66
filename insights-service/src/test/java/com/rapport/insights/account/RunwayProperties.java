package com.rapport.insights.account;

import com.rapport.events.AccountEvent;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.Runway;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runway, found by skipping over the stretches in which only day counts step on, is the first flag a
 * walk through every moment of change finds; and it costs a few assessments where the walk costs hundreds.
 */
class RunwayProperties {

    private static final HealthPolicy POLICY = HealthPolicy.defaults();

    @Provide
    Arbitrary<List<AccountEvent>> histories() {
        return GeneratedHistories.inRecordedOrder();
    }

    @Property(tries = 200)
    void theRunwayIsTheFirstFlagOfAWalkThroughEveryChange(@ForAll("histories") List<AccountEvent> recorded,
                                                          @ForAll @IntRange(max = 400 * 24) int hoursLater,
                                                          @ForAll @IntRange(min = 1, max = 59) int minute) {
        AccountState state = AccountState.fold(recorded, Instant.MAX, POLICY);
        Instant now = state.foldedTo().plus(Duration.ofHours(hoursLater)).plus(Duration.ofMinutes(minute));

        assertThat(HealthModel.runway(state, now, POLICY)).isEqualTo(walked(state, now));
    }

    /**
     * Prints what a runway costs on generated accounts not flagged at the moment asked (those flagged cost one
     * assessment), against one assessment and against the walk.
     */
    @Example
    void whatARunwayCosts() {
        Random random = new Random(11);
        List<AccountState> accounts = histories().sampleStream().limit(3_000)
                .map(recorded -> AccountState.fold(recorded, Instant.MAX, POLICY))
                .filter(state -> state.isOpen() && !state.isLost())
                .toList();
        List<AccountState> states = new ArrayList<>();
        List<Instant> moments = new ArrayList<>();
        for (AccountState state : accounts) {
            Instant moment = state.foldedTo().plus(Duration.ofHours(random.nextInt(30 * 24)));
            if (!HealthModel.assess(state, moment, POLICY).orElseThrow().flagged()) {
                states.add(state);
                moments.add(moment);
            }
        }
        for (int round = 0; round < 3; round++) {
            // the first rounds warm the JIT; the last is the one printed
            double assess = microsEach(states, index -> HealthModel.assess(states.get(index), moments.get(index), POLICY));
            double runway = microsEach(states, index -> HealthModel.runway(states.get(index), moments.get(index), POLICY));
            double walk = microsEach(states, index -> walked(states.get(index), moments.get(index)));
            if (round == 2) {
                System.out.printf("Runway of %d generated accounts not flagged yet: %.1f µs each, %.1f assessments' worth"
                                + " (an assessment %.1f µs); the walk through every change %.1f µs (%.0f assessments)%n",
                        states.size(), runway, runway / assess, assess, walk, walk / assess);
            }
        }
    }

    private static double microsEach(List<AccountState> states, Function<Integer, Object> work) {
        long started = System.nanoTime();
        for (int index = 0; index < states.size(); index++) {
            work.apply(index);
        }
        return (System.nanoTime() - started) / 1_000.0 / states.size();
    }

    /** The definition, walked: every moment the assessment changes at, from {@code after} on, until one is flagged. */
    private static Optional<Runway> walked(AccountState state, Instant after) {
        if (!state.isOpen() || state.isLost()) {
            return Optional.empty();
        }
        Instant horizon = after.plus(Runway.HORIZON);
        for (Instant moment = after; moment.isBefore(horizon);
             moment = HealthModel.nextChange(state, moment, POLICY).orElseThrow()) {
            Assessment assessment = HealthModel.assess(state, moment, POLICY).orElseThrow();
            if (assessment.flagged()) {
                return Optional.of(new Runway(moment, assessment.flags().get(0)));
            }
        }
        return Optional.empty();
    }
}
