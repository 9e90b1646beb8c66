package com.rapport.examples.tally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    @Test
    void countsEachPositionOnce() {
        Tally tally = new Tally();

        assertThat(tally.count(new FeedEvent(1, "opened", "a"))).isTrue();
        assertThat(tally.count(new FeedEvent(2, "contact", "a"))).isTrue();
        assertThat(tally.count(new FeedEvent(2, "contact", "a"))).isFalse();
        assertThat(tally.count(new FeedEvent(1, "opened", "a"))).isFalse();
        assertThat(tally.count(new FeedEvent(5, "contact", "b"))).isTrue();

        assertThat(tally.position()).isEqualTo(5);
        assertThat(tally.byType()).isEqualTo(Map.of("opened", 1L, "contact", 2L));
        assertThat(tally.byAccount()).isEqualTo(Map.of("a", 2L, "b", 1L));
    }

    @Test
    void eventsWithoutASubjectCountByTypeOnly() {
        Tally tally = new Tally();

        tally.count(new FeedEvent(1, "directory-rebuilt", null));

        assertThat(tally.byType()).isEqualTo(Map.of("directory-rebuilt", 1L));
        assertThat(tally.byAccount()).isEmpty();
    }

    @Test
    void resumesFromWhatItSaved(@TempDir Path directory) {
        Path file = directory.resolve("tally.properties");
        Tally before = new Tally();
        before.count(new FeedEvent(3, "rapport.outreach.contact-logged", "0d6c4d1e-1111-4c3a-9d0e-000000000001"));
        before.save(file);

        Tally after = Tally.load(file);

        assertThat(after.position()).isEqualTo(3);
        assertThat(after.byType()).isEqualTo(before.byType());
        assertThat(after.byAccount()).isEqualTo(before.byAccount());
        assertThat(after.count(new FeedEvent(3, "rapport.outreach.contact-logged", "x"))).isFalse();
    }

    @Test
    void startsAtTheBeginningWithoutASavedTally(@TempDir Path directory) {
        assertThat(Tally.load(directory.resolve("none")).position()).isZero();
    }
}
