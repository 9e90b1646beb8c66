package com.rapport.insights.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.rapport.events.insights.HealthPolicyChanged;
import com.rapport.events.outreach.CompetitorSighted;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:event-feed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "rapport.insights.reassess-every=PT24H"})
class EventFeedTest {

    private static final int WRITERS = 6;
    private static final int EACH = 100;

    @Autowired
    EventStore events;
    @Autowired
    EventFeed feed;
    @LocalServerPort
    int port;
    @Autowired
    EventSchemas schemas;

    @Autowired
    PlatformTransactionManager transactions;

    private void sighted(UUID account, String competitor) {
        events.publish(sighting(account, competitor));
    }

    /** Many sightings in one transaction, so a long stretch of the store is quickly written. */
    private void sighted(UUID account, int times) {
        events.publish(IntStream.range(0, times).mapToObj(i -> sighting(account, "Rival " + i)).toList());
    }

    private static EventMessage<?> sighting(UUID account, String competitor) {
        UUID signalId = UUID.randomUUID();
        return new GenericDomainEventMessage<>("CompetitorSignal", signalId.toString(), 0,
                new CompetitorSighted(signalId, account, competitor, null, "alice", Instant.now()));
    }

    private long headServed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/events/head")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("position").asLong();
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
    void itemsCarryCloudEventsAttributesAndThePublishedShape() throws Exception {
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
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemas.of(item.type()).orElseThrow().schema())
                .validate(new ObjectMapper().readTree(item.data()))).as("the served data matches its schema").isEmpty();
        assertThat(feed.read(0, 1000, Set.of("rapport.accounts.account-opened"), account).items()).isEmpty();
    }

    /** A change of the health policy concerns no account: served with no subject, and never to one account's reader. */
    @Test
    void aPolicyChangeIsServedWithoutASubject() throws Exception {
        events.publish(GenericEventMessage.asEventMessage(new HealthPolicyChanged(1, Map.of("watchFrom", 55),
                Instant.now(), "lead", "Warn earlier")));
        String type = "rapport.insights.health-policy-changed";

        FeedItem item = feed.read(0, 1000, Set.of(type), null).items().get(0);

        assertThat(item.source()).isEqualTo("/rapport/insights");
        assertThat(item.subject()).isNull();
        assertThat(item.data()).contains("\"version\":1", "\"watchFrom\":55", "\"staffId\":\"lead\"");
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemas.of(type).orElseThrow().schema())
                .validate(new ObjectMapper().readTree(item.data()))).as("the served data matches its schema").isEmpty();
        assertThat(feed.read(0, 1000, Set.of(type), UUID.randomUUID()).items()).isEmpty();
    }

    /** Server-sent events resume after Last-Event-ID: the id of each event is its position. */
    @Test
    void theStreamResumesAfterTheLastEventItSent() throws Exception {
        UUID account = UUID.randomUUID();
        sighted(account, "First");
        sighted(account, "Second");
        sighted(account, "Third");
        List<FeedItem> written = feed.read(0, 1000, Set.of(), account).items();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/events/stream?account=" + account))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", String.valueOf(written.get(0).position()))
                .build(), HttpResponse.BodyHandlers.ofLines());
        List<String> ids = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            Iterator<String> line = lines.iterator();
            while (data.size() < 2 && line.hasNext()) {
                String next = line.next();
                if (next.startsWith("id:")) {
                    ids.add(next.substring(3).strip());
                } else if (next.startsWith("data:")) {
                    data.add(next);
                }
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(ids).containsExactly(String.valueOf(written.get(1).position()), String.valueOf(written.get(2).position()));
        assertThat(data.get(0)).contains("Second");
        assertThat(data.get(1)).contains("Third");
    }

    /** A subscriber at the head learns at once that it is connected, before any event or heartbeat. */
    @Test
    void theStreamOpensBeforeThereIsAnythingToSend() throws Exception {
        UUID account = UUID.randomUUID();
        sighted(account, "Only");
        long head = feed.read(0, 1000, Set.of(), account).next();

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/events/stream?account=" + account + "&after=" + head))
                .header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            assertThat(lines.findFirst()).hasValue(":following after " + head);
        }
    }

    /** A filter that matches little costs one bounded read per page; following next still reaches every match. */
    @Test
    void aPageReadsABoundedStretchOfTheStoreAndNextLeadsOnToTheRest() throws Exception {
        UUID quiet = UUID.randomUUID();
        long start = headServed();
        sighted(UUID.randomUUID(), EventFeed.MOST_SCANNED + 10);
        sighted(quiet, "Rare");

        assertThat(feed.read(start, 2 * EventFeed.MOST_SCANNED, Set.of(), null).items())
                .as("no more items than stored events read").hasSizeBetween(1, EventFeed.MOST_SCANNED);
        FeedPage first = feed.read(start, 10, Set.of(), quiet);
        assertThat(first.items()).as("the quiet account's event lies beyond the first stretch").isEmpty();
        assertThat(first.next()).as("an empty page that is not the end").isGreaterThan(start);

        List<FeedItem> seen = new ArrayList<>();
        long after = first.next();
        for (FeedPage page = feed.read(after, 10, Set.of(), quiet); !page.items().isEmpty() || page.next() > after;
             page = feed.read(after, 10, Set.of(), quiet)) {
            seen.addAll(page.items());
            after = page.next();
        }
        assertThat(seen).singleElement().satisfies(item -> assertThat(item.data()).contains("Rare"));
    }

    /** The dashboard follows the stream from the head: it skips history and misses nothing after it. */
    @Test
    void theHeadIsTheNewestEventAndFollowingAfterItSkipsHistory() throws Exception {
        UUID account = UUID.randomUUID();
        long before = headServed();
        sighted(account, "Old");

        long head = headServed();

        FeedItem old = feed.read(before, 10, Set.of(), account).items().get(0);
        assertThat(head).isGreaterThanOrEqualTo(old.position());
        assertThat(feed.read(head, 10, Set.of(), account).items()).isEmpty();
        sighted(account, "New");
        assertThat(feed.read(head, 10, Set.of(), account).items()).singleElement()
                .satisfies(item -> assertThat(item.data()).contains("New"));
    }

    @Test
    void theHeadStaysBelowAnEventStillBeingWritten() throws Exception {
        UUID account = UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
                    sighted(account, "Slow");
                    written.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }));
        long headWhileOpen;
        try {
            written.await();
            sighted(account, "Quick");
            headWhileOpen = feed.head();
            assertThat(feed.read(headWhileOpen, 10, Set.of(), account).items()).as("Quick waits behind Slow's gap").isEmpty();
        } finally {
            commit.countDown();
            slowWriter.join();
        }

        assertThat(feed.read(headWhileOpen, 10, Set.of(), account).items())
                .as("following after the head misses neither").extracting(FeedItem::data)
                .satisfiesExactly(slow -> assertThat(slow).contains("Slow"), quick -> assertThat(quick).contains("Quick"));
    }
}
