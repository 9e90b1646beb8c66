package com.rapport.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which text every service can store and show, and which it refuses at the edge. */
class StorableTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("plain text", "Acme Ltd", true),
                arguments("empty", "", true),
                arguments("tab, line feed, carriage return", "line one\r\n\tline two", true),
                arguments("accents and CJK", "Société Générale 株式会社", true),
                arguments("a paired surrogate (an emoji)", "Acme \uD83D\uDE80", true),
                arguments("DEL and C1 controls, which PostgreSQL stores", "a\u007Fb\u0085c", true),
                arguments("U+0000", "Acme\u0000Ltd", false),
                arguments("U+0000 at the end", "Acme\u0000", false),
                arguments("ESC, a terminal escape", "\u001B[31mred", false),
                arguments("U+0001", "\u0001", false),
                arguments("vertical tab", "a\u000Bb", false),
                arguments("a lone high surrogate", "Acme\uD800Ltd", false),
                arguments("a lone high surrogate at the end", "Acme\uD800", false),
                arguments("a lone low surrogate", "Acme\uDC00Ltd", false),
                arguments("two high surrogates", "\uD800\uD800\uDC00", false),
                arguments("pair in the wrong order", "\uDC00\uD800", false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("texts")
    void storableIsTextWithoutNulControlsOrLoneSurrogates(String description, String text, boolean storable) {
        assertThat(StorableText.isStorable(text)).isEqualTo(storable);
    }
}
