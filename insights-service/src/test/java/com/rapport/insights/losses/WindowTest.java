package com.rapport.insights.losses;

import com.rapport.platform.problem.InvalidField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The window of a loss report: [from, to), by default the last 365 days up to now. */
class WindowTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static Stream<Arguments> eitherEndMayBeLeftOut() {
        return Stream.of(
                // from, to as asked; the window
                arguments(null, null, "2025-03-01T12:00:00Z", "2026-03-01T12:00:00Z"),
                arguments("2026-01-01T00:00:00Z", null, "2026-01-01T00:00:00Z", "2026-03-01T12:00:00Z"),
                arguments(null, "2025-07-01T00:00:00Z", "2024-07-01T00:00:00Z", "2025-07-01T00:00:00Z"),
                arguments("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z"),
                arguments("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "from {0}, to {1}: [{2}, {3})")
    @MethodSource
    void eitherEndMayBeLeftOut(String from, String to, String start, String end) {
        assertThat(Window.of(instant(from), instant(to), NOW))
                .isEqualTo(new Window(Instant.parse(start), Instant.parse(end)));
    }

    static Stream<Arguments> fromMustBeBeforeTo() {
        return Stream.of(
                arguments("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                arguments("2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"),
                arguments("2026-03-01T12:00:00Z", null),
                arguments("2027-01-01T00:00:00Z", null));
    }

    @ParameterizedTest(name = "from {0}, to {1}")
    @MethodSource
    void fromMustBeBeforeTo(String from, String to) {
        assertThatThrownBy(() -> Window.of(instant(from), instant(to), NOW))
                .isInstanceOfSatisfying(InvalidField.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("from");
                    assertThat(invalid.rule()).isEqualTo("BeforeTo");
                    assertThat(invalid.getMessage()).startsWith("must be before to (");
                });
    }

    static Stream<Arguments> fromIsInToIsNot() {
        return Stream.of(
                arguments("2025-12-31T23:59:59Z", false),
                arguments("2026-01-01T00:00:00Z", true),
                arguments("2026-01-31T23:59:59Z", true),
                arguments("2026-02-01T00:00:00Z", false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void fromIsInToIsNot(String lostAt, boolean contained) {
        Window january = new Window(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(january.contains(Instant.parse(lostAt))).isEqualTo(contained);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
