package com.rapport.insights.account;

import com.rapport.events.AccountEvent;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one state insights keeps per account, built event by event as the events are recorded (each
 * batch folded forward, or the history folded again when an event arrives after one that happened
 * later), and stored between batches, is the state a fresh fold of the whole history gives; and the
 * moment its assessment next changes is exact.
 */
class AccountStateProperties {

    private static final HealthPolicy POLICY = HealthPolicy.defaults();
    /** As {@link AccountStates} stores the state. */
    private static final JsonMapper STORED = JsonMapper.builder().build();

    @Provide
    Arbitrary<List<AccountEvent>> histories() {
        return GeneratedHistories.inRecordedOrder();
    }

    @Provide
    Arbitrary<List<Integer>> batches() {
        return Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void theStateBuiltAsEventsArriveIsTheFoldOfTheWholeHistory(@ForAll("histories") List<AccountEvent> recorded,
                                                                @ForAll("batches") List<Integer> batchSizes) {
        AccountState state = null;
        List<AccountEvent> arrived = new ArrayList<>();
        int next = 0;
        for (int batch = 0; next < recorded.size(); batch++) {
            int size = batchSizes.get(batch % batchSizes.size());
            List<AccountEvent> events = recorded.subList(next, Math.min(recorded.size(), next + size));
            arrived.addAll(events);
            next += events.size();
            List<AccountEvent> history = GeneratedHistories.inOrderOfHappening(arrived);
            state = stored(AccountState.withEvents(state, events, () -> history, POLICY));
        }

        AccountState fresh = AccountState.fold(recorded, Instant.MAX, POLICY);
        assertThat(STORED.writeValueAsString(state)).isEqualTo(STORED.writeValueAsString(fresh));
        for (Instant asOf : List.of(fresh.foldedTo(), fresh.foldedTo().plus(Duration.ofDays(45)),
                fresh.foldedTo().plus(Duration.ofDays(400)))) {
            assertThat(HealthModel.assess(state, asOf, POLICY)).isEqualTo(HealthModel.assess(fresh, asOf, POLICY));
        }
    }

    @Property(tries = 300)
    void theAssessmentStaysTheSameUntilTheNextChangeAndChangesThere(@ForAll("histories") List<AccountEvent> recorded,
                                                                   @ForAll @IntRange(max = 400 * 24) int hoursLater,
                                                                   @ForAll @IntRange(min = 1, max = 59) int minute) {
        AccountState state = AccountState.fold(recorded, Instant.MAX, POLICY);
        Instant now = state.foldedTo().plus(Duration.ofHours(hoursLater)).plus(Duration.ofMinutes(minute));
        Assessment current = HealthModel.assess(state, now, POLICY).orElseThrow();

        Optional<Instant> next = HealthModel.nextChange(state, now, POLICY);

        assertThat(next).isPresent();
        Instant change = next.get();
        assertThat(change).isAfter(now);
        Duration until = Duration.between(now, change);
        for (int step = 1; step < 48; step++) {
            Instant between = now.plus(until.multipliedBy(step).dividedBy(48));
            assertThat(HealthModel.assess(state, between, POLICY).orElseThrow().at(now)).as("at %s", between)
                    .isEqualTo(current);
        }
        assertThat(HealthModel.assess(state, change.minusNanos(1), POLICY).orElseThrow().at(now)).isEqualTo(current);
        assertThat(HealthModel.assess(state, change, POLICY).orElseThrow().at(now)).isNotEqualTo(current);
    }

    private static AccountState stored(AccountState state) {
        return STORED.readValue(STORED.writeValueAsString(state), AccountState.class);
    }
}
