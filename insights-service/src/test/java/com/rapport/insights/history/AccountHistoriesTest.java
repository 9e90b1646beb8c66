package com.rapport.insights.history;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.insights.ReadModels;
import com.rapport.platform.eventstore.KeptEvents;
import com.rapport.platform.eventstore.PublishedLanguageSerializer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Each event is kept once, and an account's history is read back in the order its events happened. */
class AccountHistoriesTest {

    private static final UUID ACCOUNT = UUID.fromString("a11ce000-0000-4000-8000-0000000000b1");
    private static final Instant OPENED = Instant.parse("2026-01-05T09:00:00Z");

    private final JdbcClient jdbc = ReadModels.empty();
    private final Serializer serializer = PublishedLanguageSerializer.create();
    private final AccountHistories histories = new AccountHistories(jdbc, serializer,
            new KeptEvents(serializer, new EventUpcasterChain()));

    private static AccountHistories.Kept kept(long position, AccountEvent event) {
        return new AccountHistories.Kept("event-" + position, position, event);
    }

    private static AccountEvent sighting(String competitor, Instant at) {
        return new CompetitorSighted(UUID.nameUUIDFromBytes(competitor.getBytes()), ACCOUNT, competitor, null, "alice", at);
    }

    @Test
    void keepsEachEventOnceAndSaysWhichWereNew() {
        AccountHistories.Kept opened = kept(1, new AccountOpened(ACCOUNT, "Acme", Tier.KEY, new BigDecimal("1000"), "EUR",
                "alice", "UTC", null, OPENED));
        AccountHistories.Kept seen = kept(2, sighting("Globex", OPENED.plusSeconds(60)));

        assertThat(histories.keep(List.of(opened))).containsExactly(opened);
        assertThat(histories.keep(List.of(opened, seen))).as("a redelivery").containsExactly(seen);
        assertThat(histories.of(ACCOUNT)).hasSize(2);
        assertThat(histories.lastPosition(ACCOUNT)).isEqualTo(2);
    }

    @Test
    void readsAHistoryInTheOrderItHappenedThoseOfOneMomentInTheOrderRecordedAndUpToAPosition() {
        Instant later = OPENED.plusSeconds(3600);
        histories.keep(List.of(
                kept(1, new AccountOpened(ACCOUNT, "Acme", Tier.KEY, new BigDecimal("1000"), "EUR", "alice", "UTC", null, OPENED)),
                kept(2, sighting("Late", later.plusSeconds(60))),
                kept(3, sighting("First", later)),
                kept(4, sighting("Second", later)),
                kept(5, sighting("Before", OPENED.plusSeconds(1)))));

        assertThat(histories.of(ACCOUNT)).extracting(event -> event instanceof CompetitorSighted sighted
                        ? sighted.competitor() : "opened")
                .containsExactly("opened", "Before", "First", "Second", "Late");
        assertThat(histories.of(ACCOUNT, 3)).extracting(event -> event instanceof CompetitorSighted sighted
                        ? sighted.competitor() : "opened")
                .containsExactly("opened", "First", "Late");
    }

    @Test
    void readsEveryAccountsHistoryOneAfterAnotherAFewAccountsAtATime() {
        List<UUID> accounts = List.of(ACCOUNT, UUID.fromString("b0b00000-0000-4000-8000-0000000000b2"),
                UUID.fromString("0ca70000-0000-4000-8000-0000000000b3"));
        long position = 0;
        for (UUID account : accounts) {
            histories.keep(List.of(
                    kept(++position, new CompetitorSighted(UUID.randomUUID(), account, "Later", null, "alice",
                            OPENED.plusSeconds(60))),
                    kept(++position, new AccountOpened(account, "Acme", Tier.KEY, new BigDecimal("1000"), "EUR", "alice",
                            "UTC", null, OPENED))));
        }

        // three accounts read two at a time, in the order of their ids
        assertThat(histories.everyAccount(2).toList())
                .extracting(history -> history.get(0).accountId(), history -> history.get(0) instanceof AccountOpened,
                        List::size)
                .containsExactly(
                        tuple(accounts.get(2), true, 2),
                        tuple(accounts.get(0), true, 2),
                        tuple(accounts.get(1), true, 2));
    }
}
