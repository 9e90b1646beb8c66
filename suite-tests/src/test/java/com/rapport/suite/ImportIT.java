package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./rapport import} through the gateway's {@code POST /api/import}, on H2: a file that
 * opens accounts and records what happened with them, lost and won back, with bad lines among
 * the good, writes exactly the good ones; each bad one is named by its line and field; the same
 * file again writes nothing. CSV of accounts and contacts goes in the same way.
 */
class ImportIT extends ThroughTheGateway {

    private static final String RUN = "import-h2";
    private static final Duration IMPORT_LIMIT = Duration.ofMinutes(3);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void startSuite() {
        use(Suite.start(RUN, H2Database.start(RUN)));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }

    private static String daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days)).toString();
    }

    @Test
    void aFileOfGoodAndBadLinesWritesExactlyTheGoodOnesAndWritesNothingTheSecondTime() throws IOException {
        String acme = UUID.randomUUID().toString();
        String initech = UUID.randomUUID().toString();
        Path file = file("history.ndjson", String.join("\n",
                account(acme, "Acme Ltd", 60),
                account(initech, "Initech", 50),
                contact(acme, UUID.randomUUID(), 40),
                "{\"type\":\"pitch\",\"accountId\":\"%s\",\"pitchId\":\"%s\",\"offering\":\"Dashboards\",\"faceToFace\":true,\"staffId\":\"alice\",\"occurredAt\":\"%s\"}"
                        .formatted(acme, UUID.randomUUID(), daysAgo(35)),
                contact(acme, UUID.randomUUID(), -3),
                "{\"type\":\"bankruptcy\",\"accountId\":\"%s\"}".formatted(initech),
                "{\"type\":\"loss\",\"accountId\":\"%s\",\"reason\":\"NEGLECT\",\"occurredAt\":\"%s\"}".formatted(acme, daysAgo(20)),
                "{\"type\":\"exit-interview\",\"accountId\":\"%s\",\"interviewId\":\"%s\",\"primaryReason\":\"NEGLECT\",\"winBackChance\":\"HIGH\",\"occurredAt\":\"%s\"}"
                        .formatted(acme, UUID.randomUUID(), daysAgo(15)),
                "{\"type\":\"exit-interview\",\"accountId\":\"%s\",\"interviewId\":\"%s\",\"primaryReason\":\"PRICE\",\"winBackChance\":\"LOW\"}"
                        .formatted(initech, UUID.randomUUID()),
                "{\"type\":\"feedback\",\"accountId\":\"%s\",\"feedbackId\":\"%s\",\"source\":\"CALL\",\"npsScore\":3,\"occurredAt\":\"%s\"}"
                        .formatted(acme, UUID.randomUUID(), daysAgo(12)),
                "{\"type\":\"win-back\",\"accountId\":\"%s\",\"occurredAt\":\"%s\"}".formatted(acme, daysAgo(10)),
                contact(acme, UUID.randomUUID(), 5),
                contact(initech, UUID.randomUUID(), 4)));
        long before = store.count();

        Launcher.Outcome first = importing(file, List.of());

        assertThat(first.exitCode()).as(first.output()).isNotZero();
        assertThat(first.output()).contains("line 5: occurredAt must not lie in the future")
                .contains("line 6: type must be one of")
                .containsPattern("line 9: Account .* is not lost")
                .contains("10 recorded, 0 already there, 3 refused");
        assertThat(store.count() - before).as("one event per good line").isEqualTo(10);

        Launcher.Outcome second = importing(file, List.of());

        assertThat(second.output()).contains("0 recorded, 10 already there, 3 refused");
        assertThat(store.count() - before).as("nothing appended by the second run").isEqualTo(10);
    }

    @Test
    void csvOfAccountsAndOfTheirContactsGoesInAsTheJsonWould() throws IOException {
        String globex = UUID.randomUUID().toString();
        String contactId = UUID.randomUUID().toString();
        Path accounts = file("accounts.csv", """
                accountId,name,tier,annualValue,currency,ownerId,timezone,cadenceDays,occurredAt
                %s,"Globex, Inc.",KEY,250000.50,USD,bob,America/New_York,,%s
                %s,Hooli,GOLD,1000,USD,bob,,,%s
                """.formatted(globex, daysAgo(90), UUID.randomUUID(), daysAgo(80)));
        Path contacts = file("contacts.csv", """
                accountId,contactId,channel,outcome,staffId,staffRole,durationMinutes,note,occurredAt
                %s,%s,MEETING,CONNECTED,bob,ACCOUNT_MANAGER,45,"Walked through the renewal,
                line by line",%s
                """.formatted(globex, contactId, daysAgo(3)));

        Launcher.Outcome accountsImported = importing(accounts, List.of("--type", "account"));
        Launcher.Outcome contactsImported = importing(contacts, List.of("--type", "contact"));

        assertThat(accountsImported.output()).contains("line 3: tier must be one of").contains("1 recorded");
        assertThat(contactsImported.exitCode()).as(contactsImported.output()).isZero();
        assertThat(store.countFor(UUID.fromString(globex))).isEqualTo(1);
        assertThat(store.countFor(UUID.fromString(contactId))).isEqualTo(1);
        assertThat(api.get("/api/accounts/" + globex).json().get("name").asString()).isEqualTo("Globex, Inc.");
    }

    private static String account(String id, String name, int openedDaysAgo) {
        return ("{\"type\":\"account\",\"accountId\":\"%s\",\"name\":\"%s\",\"tier\":\"KEY\",\"annualValue\":120000,"
                + "\"currency\":\"EUR\",\"ownerId\":\"alice\",\"timezone\":\"Europe/Paris\",\"occurredAt\":\"%s\"}")
                .formatted(id, name, daysAgo(openedDaysAgo));
    }

    private static String contact(String accountId, UUID contactId, int daysAgo) {
        return ("{\"type\":\"contact\",\"accountId\":\"%s\",\"contactId\":\"%s\",\"channel\":\"CALL\",\"outcome\":\"CONNECTED\","
                + "\"staffId\":\"alice\",\"staffRole\":\"ACCOUNT_MANAGER\",\"occurredAt\":\"%s\"}")
                .formatted(accountId, contactId, daysAgo(daysAgo));
    }

    private static Path file(String name, String content) throws IOException {
        Path file = SuiteFiles.logs(RUN).resolve(runs.incrementAndGet() + "-" + name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** Runs ./rapport import against the suite's gateway with the suite's key. */
    private static Launcher.Outcome importing(Path file, List<String> options) {
        Path logs = SuiteFiles.logs(RUN);
        Map<String, String> environment = Map.of(
                "RAPPORT_URL", suite.gateway().toString(),
                "RAPPORT_API_KEY", Suite.API_KEY,
                "RAPPORT_HOME", logs.resolve("rapport-home").toString());
        List<String> arguments = new ArrayList<>(List.of("import", file.toString()));
        arguments.addAll(options);
        return Launcher.run(logs.resolve("import-" + runs.incrementAndGet() + ".log"), environment, IMPORT_LIMIT,
                arguments.toArray(String[]::new));
    }
}
