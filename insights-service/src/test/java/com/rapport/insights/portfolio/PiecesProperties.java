package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever an account is made to add to which days, in whatever order, the differences handed over
 * add up, day by day, to exactly what it adds on each day: the kept days hold each account once.
 */
class PiecesProperties {

    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    private static final int DAYS = 40;
    private static final List<Contribution> CONTRIBUTIONS = List.of(Contribution.NONE,
            new Contribution(HealthBand.HEALTHY, false, true, "alice", "EUR", new BigDecimal("1000")),
            new Contribution(HealthBand.AT_RISK, true, false, "alice", "EUR", new BigDecimal("1000")),
            new Contribution(HealthBand.WATCH, false, true, "bruno", "USD", new BigDecimal("250.50")));

    /** One change: from day {@code first} to day {@code last}, one contribution for all or one a day. */
    record Change(int first, int last, List<Integer> each) {
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, DAYS - 1);
        Arbitrary<List<Integer>> each = Arbitraries.integers().between(0, CONTRIBUTIONS.size() - 1).list().ofMinSize(1).ofMaxSize(DAYS);
        return Combinators.combine(day, day, each)
                .as((a, b, contributions) -> new Change(Math.min(a, b), Math.max(a, b), contributions))
                .list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void theDifferencesAddUpToWhatTheAccountAddsOnEachDay(@ForAll("changes") List<Change> changes) {
        Pieces pieces = new Pieces();
        List<DayFigures> days = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            days.add(new DayFigures());
        }
        for (Change change : changes) {
            TreeMap<LocalDate, DayFigures> differences = new TreeMap<>();
            LocalDate first = FIRST.plusDays(change.first());
            LocalDate last = FIRST.plusDays(change.last());
            if (change.each().size() == 1) {
                pieces.set(first, last, CONTRIBUTIONS.get(change.each().get(0)), differences);
            } else {
                List<Contribution> each = new ArrayList<>();
                for (int day = change.first(); day <= change.last(); day++) {
                    each.add(CONTRIBUTIONS.get(change.each().get(day % change.each().size())));
                }
                pieces.setEach(first, last, each, differences);
            }
            DayFigures running = new DayFigures();
            for (int day = 0; day < DAYS; day++) {
                DayFigures difference = differences.get(FIRST.plusDays(day));
                if (difference != null) {
                    running.addAll(difference);
                }
                days.get(day).addAll(running);
            }
        }
        for (int day = 0; day < DAYS; day++) {
            DayFigures alone = new DayFigures();
            alone.add(pieces.on(FIRST.plusDays(day)), 1);
            assertThat(days.get(day).at(Instant.EPOCH)).as("day %d", day).isEqualTo(alone.at(Instant.EPOCH));
        }
    }
}
