package com.rapport.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The times a request may name: ISO-8601 text within the years 1900 to 2200. */
class PermittedTimesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-01-31T09:30:00Z              | 2026-01-31T09:30:00Z",
            "2026-01-31T09:30:00.123456789Z    | 2026-01-31T09:30:00.123456789Z",
            "2026-01-31T09:30:00+02:00         | 2026-01-31T07:30:00Z",
            "2026-01-31t09:30:00z              | 2026-01-31T09:30:00Z",
            "' 2026-01-31T09:30:00Z '          | 2026-01-31T09:30:00Z",
            "1900-01-01T00:00:00Z              | 1900-01-01T00:00:00Z",
            "2200-12-31T23:59:59.999999999Z    | 2200-12-31T23:59:59.999999999Z"})
    void readsAnIsoInstantWithinThePermittedYears(String text, Instant expected) {
        assertThat(PermittedTimes.instant(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "-1000000000-01-01T00:00:00Z       | TimeRange",
            "+1000000000-12-31T23:59:59Z       | TimeRange",
            "1899-12-31T23:59:59.999Z          | TimeRange",
            "2201-01-01T00:00:00Z              | TimeRange",
            "1700000000                        | Format",
            "1e308                             | Format",
            "2026-01-31T09:30:00               | Format",
            "2026-01-31                        | Format",
            "'Sat, 31 Jan 2026 09:30:00 GMT'   | Format",
            "''                                | Format"})
    void refusesAnythingElseNamingTheRule(String text, String rule) {
        assertRule(() -> PermittedTimes.instant(text), Instant::parse, text, rule);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-01-31   | ",
            "1900-01-01   | ",
            "2200-12-31   | ",
            "1899-12-31   | TimeRange",
            "2201-01-01   | TimeRange",
            "+999999999-12-31 | TimeRange",
            "2025-02-30   | Format",
            "31-01-2026   | Format",
            "20260131     | Format"})
    void datesFollowTheSameYears(String text, String rule) {
        assertRule(() -> PermittedTimes.date(text), LocalDate::parse, text, rule);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "P1D                   | ",
            "PT1H                  | ",
            "-P7D                  | ",
            "P109938D              | ",
            "P109939D              | TimeRange",
            "P9999999999999D       | TimeRange",
            "P99999999999999999999D | Format",
            "P1Y                   | Format",
            "86400                 | Format"})
    void durationsAreIsoAndNoLongerThanThePermittedYears(String text, String rule) {
        assertRule(() -> PermittedTimes.duration(text), Duration::parse, text, rule);
    }

    /** Without a rule, the text is read as java.time reads it; with one, it is refused naming that rule. */
    private static void assertRule(Supplier<Object> reading, Function<String, Object> javaTime, String text, String rule) {
        if (rule == null) {
            assertThat(reading.get()).isEqualTo(javaTime.apply(text));
        } else {
            assertThatThrownBy(reading::get)
                    .isInstanceOfSatisfying(RefusedValue.class, refused -> assertThat(refused.rule()).isEqualTo(rule));
        }
    }
}
