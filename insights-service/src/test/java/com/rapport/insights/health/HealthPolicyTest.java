package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.LONG_TAIL;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.health.Factor.CONTACT_RECENCY;
import static com.rapport.insights.health.Factor.FACE_TIME;
import static com.rapport.insights.health.Factor.MOMENTUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The policy is configuration: it starts with the design's defaults and refuses what cannot be judged by. */
class HealthPolicyTest {

    @Test
    void theDefaultsAreTheDesigns() {
        HealthPolicy defaults = HealthPolicy.defaults();

        assertThat(defaults.cadenceDays()).containsExactlyInAnyOrderEntriesOf(
                Map.of(STRATEGIC, 7, KEY, 30, CORE, 90, LONG_TAIL, 180));
        assertThat(defaults.faceTimeDays()).containsExactlyInAnyOrderEntriesOf(Map.of(STRATEGIC, 90, KEY, 180));
        assertThat(defaults.executiveTouchDays()).containsExactlyInAnyOrderEntriesOf(Map.of(STRATEGIC, 90, KEY, 180));
        assertThat(defaults).extracting(HealthPolicy::rePitchDays, HealthPolicy::needGraceDays,
                        HealthPolicy::competitorWindowDays, HealthPolicy::momentumWindowDays, HealthPolicy::unansweredAttempts,
                        HealthPolicy::neglectMultiplier, HealthPolicy::healthyFrom, HealthPolicy::watchFrom,
                        HealthPolicy::atRiskFrom)
                .containsExactly(180, 30, 90, 90, 3, 1.5, 75, 50, 25);
        assertThat(defaults.weights().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    static Stream<Arguments> theAccountsOwnCadenceComesFirst() {
        return Stream.of(
                arguments(KEY, null, 30),
                arguments(STRATEGIC, null, 7),
                arguments(KEY, 14, 14),
                arguments(LONG_TAIL, 365, 365));
    }

    @ParameterizedTest(name = "{0} with {1} agreed: {2}")
    @MethodSource
    void theAccountsOwnCadenceComesFirst(Tier tier, Integer agreed, int cadence) {
        assertThat(HealthPolicy.defaults().cadenceFor(tier, agreed)).isEqualTo(cadence);
    }

    static Stream<Arguments> refuses() {
        return Stream.of(
                arguments("no cadence for a tier", change(p -> p.cadence(CORE, null)),
                        "cadenceDays needs a positive number of days for CORE"),
                arguments("a cadence of 0 days", change(p -> p.cadence(KEY, 0)),
                        "cadenceDays needs a positive number of days for KEY"),
                arguments("a negative cadence", change(p -> p.cadence(STRATEGIC, -7)),
                        "cadenceDays needs a positive number of days for STRATEGIC"),
                arguments("a negative weight", change(p -> p.weight(FACE_TIME, -1)),
                        "weights needs a weight of 0 or more for faceTime"),
                arguments("no weight for a factor", change(p -> p.weight(MOMENTUM, null)),
                        "weights needs a weight of 0 or more for momentum"),
                arguments("every weight 0", change(p -> p.weights(0)), "weights must not all be 0"),
                arguments("WATCH above HEALTHY", change(p -> p.bands(50, 75, 25)), BANDS),
                arguments("AT_RISK above WATCH", change(p -> p.bands(75, 25, 50)), BANDS),
                arguments("HEALTHY and WATCH from the same score", change(p -> p.bands(75, 75, 25)), BANDS),
                arguments("WATCH and AT_RISK from the same score", change(p -> p.bands(75, 50, 50)), BANDS),
                arguments("HEALTHY from above 100", change(p -> p.bands(101, 50, 25)), BANDS),
                arguments("AT_RISK from 0, leaving nothing CRITICAL", change(p -> p.bands(75, 50, 0)), BANDS));
    }

    private static final String BANDS = "bands must satisfy 100 >= healthyFrom > watchFrom > atRiskFrom > 0";

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refuses(String what, UnaryOperator<Policy> change, String rule) {
        assertThatThrownBy(() -> change.apply(Policy.defaults()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rapport.health: " + rule);
    }

    static Stream<Arguments> accepts() {
        return Stream.of(
                arguments("the defaults", change(p -> p)),
                arguments("a factor that weighs nothing", change(p -> p.weight(MOMENTUM, 0))),
                arguments("a single factor that weighs", change(p -> p.weights(0).weight(CONTACT_RECENCY, 1))),
                arguments("the tightest bands", change(p -> p.bands(100, 99, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepts(String what, UnaryOperator<Policy> change) {
        assertThatCode(() -> change.apply(Policy.defaults()).build()).doesNotThrowAnyException();
    }

    @Test
    void keepsItsOwnCopyOfWhatItWasGiven() {
        Map<Tier, Integer> cadence = new EnumMap<>(HealthPolicy.defaults().cadenceDays());
        HealthPolicy defaults = HealthPolicy.defaults();
        HealthPolicy policy = new HealthPolicy(cadence, defaults.faceTimeDays(), defaults.executiveTouchDays(),
                defaults.rePitchDays(), defaults.needGraceDays(), defaults.competitorWindowDays(),
                defaults.momentumWindowDays(), defaults.unansweredAttempts(), defaults.neglectMultiplier(),
                defaults.healthyFrom(), defaults.watchFrom(), defaults.atRiskFrom(), defaults.weights(), defaults.signals());

        cadence.put(KEY, 1);

        assertThat(policy.cadenceFor(KEY, null)).isEqualTo(30);
    }

    private static UnaryOperator<Policy> change(UnaryOperator<Policy> change) {
        return change;
    }
}
