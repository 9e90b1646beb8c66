package com.rapport.accounts.directory;

import com.rapport.accounts.account.AssignOwner;
import com.rapport.accounts.account.OpenAccount;
import com.rapport.events.account.Tier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:directory-replay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class DirectoryReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    private UUID open(String name, String owner) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new OpenAccount(id, name, Tier.CORE, new BigDecimal("5000"), "GBP", owner, "Europe/London",
                null, null, Instant.now()));
        return id;
    }

    private List<DirectoryEntry> listed(String owner) {
        return directory.list(new DirectoryQuery(owner, null, null, null, 0, 100)).items();
    }

    @Test
    void aResetProcessorRebuildsTheSameDirectory() {
        String owner = "replay-" + UUID.randomUUID();
        UUID first = open("Replayed One", owner);
        open("Replayed Two", owner);
        commands.sendAndWait(new AssignOwner(first, owner, null, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> listed(owner).size() == 2);
        List<DirectoryEntry> before = listed(owner);

        StreamingEventProcessor processor = processing
                .eventProcessor(AccountDirectory.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();

        assertThat(jdbc.sql("SELECT DISTINCT token_type FROM accounts.token_entry WHERE processor_name = :name")
                .param("name", AccountDirectory.PROCESSOR).query(String.class).list())
                .containsExactly("org.axonframework.eventhandling.ReplayToken");
        assertThat(listed(owner)).isEmpty();

        processor.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> listed(owner).size() == 2);
        assertThat(listed(owner)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("updatedAt")
                .containsExactlyElementsOf(before);
    }

    @Test
    void theProcessorsEndpointRebuildsTheDirectory() throws Exception {
        String owner = "rebuild-" + UUID.randomUUID();
        open("Rebuilt One", owner);
        open("Rebuilt Two", owner);
        await().atMost(Duration.ofSeconds(20)).until(() -> listed(owner).size() == 2);
        List<DirectoryEntry> before = listed(owner);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> rebuild = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/processors/" + AccountDirectory.PROCESSOR))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/processors")).build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/processors/no-such-processor"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("no-such-processor", AccountDirectory.PROCESSOR);
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(200);
        assertThat(rebuild.body()).contains("\"name\":\"directory\"", "\"running\":true");
        assertThat(status.body()).contains("\"name\":\"directory\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(listed(owner))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("updatedAt")
                .containsExactlyElementsOf(before));
    }

    @Test
    void commandsSentTogetherToOneAccountAreAllApplied() {
        UUID id = open("Contended", "race-" + UUID.randomUUID());
        List<CompletableFuture<Object>> changes = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> changes.add(CompletableFuture.supplyAsync(
                () -> commands.sendAndWait(new AssignOwner(id, "owner-" + i, null, Instant.now())))));

        CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new)).join();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(41);
    }
}
