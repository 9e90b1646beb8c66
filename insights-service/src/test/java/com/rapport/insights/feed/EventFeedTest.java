package com.rapport.insights.feed;

import com.rapport.events.outreach.CompetitorSighted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:event-feed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "rapport.insights.reassess-every=PT24H"})
class EventFeedTest {

    private static final int WRITERS = 6;
    private static final int EACH = 100;

    @Autowired
    EventStore events;
    @Autowired
    EventFeed feed;

    private void sighted(UUID account, String competitor) {
        UUID signalId = UUID.randomUUID();
        events.publish(new GenericDomainEventMessage<>("CompetitorSignal", signalId.toString(), 0,
                new CompetitorSighted(signalId, account, competitor, null, "alice", Instant.now())));
    }

    @Test
    void aConsumerFollowingTheFeedWhileWritersAreBusySeesEveryEventOnceAndInOrder() {
        UUID account = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<CompletableFuture<Void>> writers = IntStream.range(0, WRITERS)
                .mapToObj(writer -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < EACH; i++) {
                        sighted(account, "Writer " + writer);
                    }
                }, pool))
                .toList();

        List<FeedItem> seen = new ArrayList<>();
        long after = 0;
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (seen.size() < WRITERS * EACH && Instant.now().isBefore(giveUp)) {
            FeedPage page = feed.read(after, 50, Set.of(), account);
            seen.addAll(page.items());
            assertThat(page.next()).isGreaterThanOrEqualTo(after);
            after = page.next();
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();

        assertThat(seen).hasSize(WRITERS * EACH);
        assertThat(seen.stream().map(FeedItem::position).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen.stream().map(FeedItem::id).toList())).hasSize(WRITERS * EACH);
        assertThat(feed.read(after, 50, Set.of(), account).items()).as("nothing after the end").isEmpty();
    }

    @Test
    void itemsCarryCloudEventsAttributesAndThePublishedShape() {
        UUID account = UUID.randomUUID();
        sighted(account, "Globex");

        FeedItem item = feed.read(0, 1000, Set.of("rapport.outreach.competitor-sighted"), account).items().get(0);

        assertThat(item.type()).isEqualTo("rapport.outreach.competitor-sighted");
        assertThat(item.source()).isEqualTo("/rapport/outreach");
        assertThat(item.specversion()).isEqualTo("1.0");
        assertThat(item.subject()).isEqualTo(account.toString());
        assertThat(item.revision()).isEqualTo("1");
        assertThat(item.datacontenttype()).isEqualTo("application/json");
        assertThat(item.data()).contains("\"competitor\":\"Globex\"", "\"accountId\":\"" + account + "\"");
        assertThat(feed.read(0, 1000, Set.of("rapport.accounts.account-opened"), account).items()).isEmpty();
    }
}
