package com.rapport.insights.portfolio;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What one account has added to the kept days: its {@link Contribution} from a day on, until the next
 * piece. Kept as JSON, one per account (no field is final, so that Jackson can fill it in).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Pieces {

    private TreeMap<LocalDate, Contribution> from = new TreeMap<>();

    Contribution on(LocalDate day) {
        Map.Entry<LocalDate, Contribution> piece = from.floorEntry(day);
        return piece == null ? Contribution.NONE : piece.getValue();
    }

    /**
     * Makes the account add {@code contribution} on every day from {@code first} to {@code last}, and
     * adds the difference from what it added before to {@code changes}: a change taking effect on a day
     * counts on every later day too, so a piece that ends is undone on the day after it.
     */
    void set(LocalDate first, LocalDate last, Contribution contribution, TreeMap<LocalDate, DayFigures> changes) {
        setEach(first, last, day -> contribution, changes);
    }

    /** As {@link #set}, a contribution of its own on each day, in order from {@code first}. */
    void setEach(LocalDate first, LocalDate last, List<Contribution> contributions, TreeMap<LocalDate, DayFigures> changes) {
        setEach(first, last, day -> contributions.get((int) (day.toEpochDay() - first.toEpochDay())), changes);
    }

    private void setEach(LocalDate first, LocalDate last, Function<LocalDate, Contribution> contributions,
                         TreeMap<LocalDate, DayFigures> changes) {
        Contribution afterwards = on(last.plusDays(1));
        // the difference the days hold so far, as what was added and what is added instead: none yet
        Contribution was = Contribution.NONE;
        Contribution is = Contribution.NONE;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Contribution wasThen = on(day);
            Contribution isThen = contributions.apply(day);
            if (!wasThen.equals(was) || !isThen.equals(is)) {
                // from this day on, this day's difference instead of the day before's
                DayFigures change = changes.computeIfAbsent(day, d -> new DayFigures());
                change.change(wasThen, isThen);
                change.change(is, was);
                was = wasThen;
                is = isThen;
            }
        }
        if (!was.equals(is)) {
            // the days after the last go on as they were
            changes.computeIfAbsent(last.plusDays(1), d -> new DayFigures()).change(is, was);
        }
        replace(first, last, contributions, afterwards);
    }

    private void replace(LocalDate first, LocalDate last, Function<LocalDate, Contribution> contributions,
                         Contribution afterwards) {
        from.subMap(first, true, last.plusDays(1), true).clear();
        Contribution previous = on(first.minusDays(1));
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Contribution contribution = contributions.apply(day);
            if (!contribution.equals(previous)) {
                from.put(day, contribution);
                previous = contribution;
            }
        }
        if (!afterwards.equals(previous)) {
            from.put(last.plusDays(1), afterwards);
        }
    }
}
