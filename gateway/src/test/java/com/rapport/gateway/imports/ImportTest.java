package com.rapport.gateway.imports;

import com.rapport.gateway.Credentials;
import com.rapport.gateway.StubService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/import} against stand-ins for accounts and outreach that record the chunks
 * they are sent: the gateway keeps each account's lines in the file's order, sends accounts'
 * chunks before the outreach chunks that may need them, names the position those reached, and
 * reports every refused line by its number in the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "rapport.import.chunk-lines=3"})
class ImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ChunkStub accounts = new ChunkStub("/api/accounts/import");
    private static final ChunkStub outreach = new ChunkStub("/api/outreach/import");
    private static final StubService insights = StubService.start("insights");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("RAPPORT_ACCOUNTS_URL", accounts::url);
        registry.add("RAPPORT_OUTREACH_URL", outreach::url);
        registry.add("RAPPORT_INSIGHTS_URL", insights::url);
        Credentials.register(registry);
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        accounts.close();
        outreach.close();
        insights.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        accounts.reset();
        outreach.reset();
    }

    private static String account(String id) {
        return "{\"type\":\"account\",\"accountId\":\"" + id + "\",\"name\":\"" + id + "\"}";
    }

    private static String contact(String accountId, String note) {
        return "{\"type\":\"contact\",\"accountId\":\"" + accountId + "\",\"note\":\"" + note + "\"}";
    }

    private static String loss(String accountId) {
        return "{\"type\":\"loss\",\"accountId\":\"" + accountId + "\"}";
    }

    @Test
    void sendsEachServiceItsLinesInChunksAccountsFirstAndReportsRefusedLinesByTheirNumberInTheFile() {
        List<JsonNode> answer = importing(String.join("\n",
                account("a"),
                contact("a", "first"),
                "{not json",
                account("b"),
                contact("b", "refuse"),
                "",
                "{\"type\":\"bankruptcy\",\"accountId\":\"b\"}",
                contact("b", "second")));

        assertThat(accounts.chunks()).containsExactly(List.of(account("a"), account("b")));
        assertThat(outreach.chunks()).containsExactly(List.of(contact("a", "first"), contact("b", "refuse"), contact("b", "second")));
        assertThat(outreach.afterPositions()).as("the position the accounts' chunk reached").containsExactly("2");
        assertThat(refused(answer)).containsExactly("3 null 400 $ JSON", "7 bankruptcy 400 type OneOf", "5 contact 409 null null");
        JsonNode summary = answer.get(answer.size() - 1).get("summary");
        assertThat(summary.get("lines").asInt()).isEqualTo(7);
        assertThat(summary.get("recorded").asInt()).isEqualTo(4);
        assertThat(summary.get("refused").asInt()).isEqualTo(3);
        assertThat(answer).anyMatch(line -> line.has("progress"));
    }

    /** The contacts before a loss are recorded while the account is still ours; the contact after it is refused. */
    @Test
    void anAccountsLineAfterOutreachLinesOfTheSameAccountWaitsForThem() {
        importing(String.join("\n", account("a"), contact("a", "before"), account("b"), loss("a"), contact("a", "after")));

        assertThat(accounts.received()).containsExactly(account("a"), account("b"), loss("a"));
        assertThat(outreach.received()).containsExactly(contact("a", "before"), contact("a", "after"));
        assertThat(String.join(",", accounts.order)).isEqualTo("accounts 1,outreach 1,accounts 2,outreach 2");
    }

    @Test
    void fullChunksAreSentAsTheyFill() {
        importing(String.join("\n", account("a"), account("b"), account("c"), account("d")));

        assertThat(accounts.chunks()).containsExactly(List.of(account("a"), account("b"), account("c")), List.of(account("d")));
    }

    @Test
    void aChunkTheServiceCannotTakeStopsTheImportWithASummary() {
        outreach.failWith(503);

        List<JsonNode> answer = importing(String.join("\n", account("a"), contact("a", "x"), contact("a", "y"),
                contact("a", "z"), account("b"), contact("b", "w")));

        JsonNode stopped = answer.stream().filter(line -> line.has("stopped")).findFirst().orElseThrow().get("stopped");
        assertThat(stopped.get("line").asInt()).isEqualTo(2);
        assertThat(stopped.get("status").asInt()).isEqualTo(503);
        assertThat(answer.get(answer.size() - 1).get("summary").get("lines").asInt()).isEqualTo(1);
        assertThat(accounts.chunks()).as("nothing sent after the stop").hasSize(1);
    }

    @Test
    void aBodyThatIsNotNdjsonIsRefusedBeforeAnythingIsSent() {
        client.post().uri("/api/import").header(Credentials.HEADER, Credentials.STAFF)
                .contentType(MediaType.APPLICATION_NDJSON).bodyValue("<html>not an import</html>\n" + account("a"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/import").header(Credentials.HEADER, Credentials.STAFF)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(account("a"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertThat(accounts.chunks()).isEmpty();
    }

    @Test
    void csvRowsBecomeLinesOfTheirTypeNumberedByTheLineTheyStartOn() {
        String csv = "accountId,name,annualValue,note\na,\"Acme\nLtd\",120000,\nb,Initech,,refuse\n";

        List<JsonNode> answer = JSON.readValues(JSON.createParser(client.post().uri("/api/import?format=csv&type=account")
                        .header(Credentials.HEADER, Credentials.STAFF)
                        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv)
                        .exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult().getResponseBody()), JsonNode.class).readAll();

        assertThat(accounts.received()).containsExactly(
                "{\"type\":\"account\",\"accountId\":\"a\",\"name\":\"Acme\\nLtd\",\"annualValue\":\"120000\",\"note\":\"\"}",
                "{\"type\":\"account\",\"accountId\":\"b\",\"name\":\"Initech\",\"annualValue\":\"\",\"note\":\"refuse\"}");
        assertThat(refused(answer)).as("the row of Initech starts on line 4").containsExactly("4 account 409 null null");
        assertThat(accounts.lineFormats()).containsExactly("csv");
        assertThat(answer.get(answer.size() - 1).get("summary").get("lines").asInt()).isEqualTo(2);
    }

    @Test
    void onlyStaffMayImport() {
        client.post().uri("/api/import").header(Credentials.HEADER, Credentials.LEADER)
                .contentType(MediaType.APPLICATION_NDJSON).bodyValue(account("a"))
                .exchange()
                .expectStatus().isForbidden();
    }

    private List<JsonNode> importing(String ndjson) {
        String answer = client.post().uri("/api/import").header(Credentials.HEADER, Credentials.STAFF)
                .contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class).returnResult().getResponseBody();
        return Arrays.stream(answer.split("\n")).map(JSON::readTree).toList();
    }

    /** Each refused line as "line type status field rule", in the order of the answer. */
    private static List<String> refused(List<JsonNode> answer) {
        return answer.stream().filter(line -> line.has("refused")).map(line -> line.get("refused")).map(refused -> {
            JsonNode error = refused.get("problem").path("errors").path(0);
            return refused.get("line").asInt() + " " + refused.get("type").asString(null) + " " + refused.get("status").asInt()
                    + " " + error.path("field").asString(null) + " " + error.path("rule").asString(null);
        }).toList();
    }

    /**
     * A service's import endpoint: records each chunk, answers a report (a contact whose note is
     * "refuse" is refused with a 409) and, as accounts does, the count of lines so far as the position.
     */
    private static final class ChunkStub {

        /** the order in which both stubs were sent chunks */
        static final List<String> order = Collections.synchronizedList(new ArrayList<>());

        private final String path;
        private final HttpServer server;
        private final List<List<String>> chunks = Collections.synchronizedList(new ArrayList<>());
        private final List<String> afterPositions = Collections.synchronizedList(new ArrayList<>());
        private final List<String> lineFormats = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger failure = new AtomicInteger();

        ChunkStub(String path) {
            this.path = path;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext(path, this::answer);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void reset() {
            chunks.clear();
            afterPositions.clear();
            lineFormats.clear();
            order.clear();
            failure.set(0);
        }

        void failWith(int status) {
            failure.set(status);
        }

        List<List<String>> chunks() {
            return List.copyOf(chunks);
        }

        List<String> received() {
            return chunks.stream().flatMap(List::stream).toList();
        }

        List<String> afterPositions() {
            return List.copyOf(afterPositions);
        }

        List<String> lineFormats() {
            return List.copyOf(lineFormats);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                List<String> lines = List.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
                chunks.add(lines);
                order.add(path.split("/")[2] + " " + chunks.size());
                if (exchange.getRequestHeaders().containsKey("X-Rapport-After-Position")) {
                    afterPositions.add(exchange.getRequestHeaders().getFirst("X-Rapport-After-Position"));
                }
                if (exchange.getRequestHeaders().containsKey("X-Rapport-Line-Format")) {
                    lineFormats.add(exchange.getRequestHeaders().getFirst("X-Rapport-Line-Format"));
                }
                if (failure.get() != 0) {
                    send(exchange, failure.get(), "{\"status\":" + failure.get() + ",\"detail\":\"not now\"}");
                    return;
                }
                List<String> refused = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("\"note\":\"refuse\"")) {
                        refused.add("{\"line\":" + (i + 1) + ",\"status\":409,\"problem\":{\"status\":409}}");
                    }
                }
                send(exchange, 200, "{\"lines\":" + lines.size() + ",\"recorded\":" + (lines.size() - refused.size())
                        + ",\"unchanged\":0,\"refused\":[" + String.join(",", refused) + "],\"position\":"
                        + received().size() + "}");
            }
        }

        private static void send(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        void close() {
            server.stop(0);
        }
    }
}
