package com.rapport.suite;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The insights part of the contract, end to end: accounts with scripted histories, written
 * through the gateway as staff would (dated in the past), give the expected bands, flags and
 * readable reasons. Each subclass starts its own suite, so the portfolio holds only these.
 */
abstract class InsightsThroughTheGateway extends ThroughTheGateway {

    static UUID tended;
    static UUID quiet;
    static UUID voicemails;
    static UUID troubled;
    static UUID departed;

    /** Runs when the subclass has started its suite: JUnit runs a superclass's @BeforeAll first, before there is one. */
    static void use(Suite started) {
        ThroughTheGateway.use(started);
        writeTheHistories();
    }

    private static void writeTheHistories() {
        Script script = new Script(api);
        tended = script.opened("Tended Strategic", "STRATEGIC", 900_000, "alice", 400);
        for (int day = 178; day >= 4; day -= 6) {
            script.connectedCall(tended, day);
        }
        script.contact(tended, "CONNECTED", "MEETING", "EXECUTIVE", 30);
        script.pitch(tended, true, 60);
        script.feedback(tended, 10, null, 20);

        quiet = script.opened("Gone Quiet", "KEY", 250_000, "alice", 300);
        for (int day = 170; day >= 80; day -= 30) {
            script.connectedCall(quiet, day);
        }

        voicemails = script.opened("Only Voicemails", "KEY", 120_000, "bob", 200);
        script.connectedCall(voicemails, 65);
        for (int day = 60; day >= 10; day -= 10) {
            script.voicemail(voicemails, day);
        }

        troubled = script.opened("Troubled Times", "KEY", 400_000, "bob", 200);
        script.connectedCall(troubled, 40);
        script.connectedCall(troubled, 5);
        script.need(troubled, "Weekly usage dashboards", 60);
        script.competitor(troubled, "Globex", 10);
        script.feedback(troubled, 3, "Nobody answers our tickets", 2);

        departed = script.opened("Departed Ltd", "KEY", 180_000, "alice", 300);
        for (int day = 290; day >= 150; day -= 20) {
            script.connectedCall(departed, day);
        }
        script.lost(departed, "COMPETITOR_OFFER", 40);
        script.exitInterview(departed, "PRICE", "Globex", 30);

        awaitProcessed(Suite.Component.INSIGHTS, Duration.ofSeconds(60));
    }

    static JsonNode health(UUID account) {
        Api.Reply reply = api.get("/api/insights/accounts/" + account + "/health");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static List<String> reasons(JsonNode assessment) {
        return assessment.get("factors").valueStream().map(factor -> factor.get("reason").asString()).toList();
    }

    @Test
    void aWellTendedStrategicAccountIsHealthy() {
        JsonNode health = health(tended);

        assertThat(health.get("band").asString()).isEqualTo("HEALTHY");
        assertThat(health.get("neglected").asBoolean()).isFalse();
        assertThat(health.get("cadenceDays").asInt()).isEqualTo(7);
        assertThat(health.get("factors").size()).isEqualTo(9);
        assertThat(reasons(health)).contains("Last two-way contact 4 days ago; cadence is 7");
    }

    @Test
    void anAccountGoneQuietIsNeglectedAndAtRisk() {
        JsonNode health = health(quiet);

        assertThat(health.get("neglected").asBoolean()).isTrue();
        assertThat(health.get("band").asString()).isIn("AT_RISK", "CRITICAL");
        assertThat(health.get("daysSinceContact").asInt()).isEqualTo(80);
        assertThat(health.get("topReasons").get(0).asString()).isEqualTo("No two-way contact in 80 days; cadence is 30");
    }

    @Test
    void twoMonthsOfVoicemailsAreNeglectAndSaySo() {
        JsonNode health = health(voicemails);

        assertThat(health.get("neglected").asBoolean()).isTrue();
        assertThat(reasons(health)).contains("6 voicemail or unanswered attempts since the last two-way contact: reach them another way");
    }

    @Test
    void anOldNeedADetractorAndACompetitorWeighOnAnAccountInTouch() {
        JsonNode health = health(troubled);

        assertThat(health.get("neglected").asBoolean()).isFalse();
        assertThat(health.get("band").asString()).isNotEqualTo("HEALTHY");
        assertThat(String.join("\n", reasons(health)))
                .contains("open for more than 30 days", "Weekly usage dashboards")
                .contains("Latest NPS 3 (detractor)", "unanswered: \u201cNobody answers our tickets\u201d")
                .contains("Globex");
    }

    @Test
    void healthCanBeAskedForAPastMoment() {
        JsonNode then = api.get("/api/insights/accounts/" + quiet + "/health?asOf=" + new Script(api).daysAgo(100)).json();

        assertThat(then.get("neglected").asBoolean()).isFalse();
        assertThat(then.get("daysSinceContact").asInt()).isEqualTo(10);
        assertThat(api.get("/api/insights/accounts/" + quiet + "/health?asOf=" + new Script(api).daysAgo(400)).status())
                .isEqualTo(400);
        assertThat(api.get("/api/insights/accounts/" + UUID.randomUUID() + "/health").status()).isEqualTo(404);
    }

    @Test
    void thePortfolioPutsTheMostValueAtRiskFirst() {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/insights/health").json().get("total").asInt() == 4);

        List<String> order = api.get("/api/insights/health").json().get("items").valueStream()
                .map(item -> item.get("name").asString()).toList();
        JsonNode neglected = api.get("/api/insights/health?neglected=true&sort=NAME").json();
        JsonNode figures = api.get("/api/insights/portfolio").json();

        assertThat(order.get(order.size() - 1)).isEqualTo("Tended Strategic");
        assertThat(order.get(0)).isIn("Troubled Times", "Gone Quiet");
        assertThat(neglected.get("items").valueStream().map(item -> item.get("name").asString()))
                .containsExactly("Gone Quiet", "Only Voicemails");
        assertThat(figures.get("accounts").asInt()).as("the lost account is not in the portfolio").isEqualTo(4);
        assertThat(figures.get("neglected").asInt()).isEqualTo(2);
        assertThat(figures.get("bands").get("HEALTHY").asInt()).isEqualTo(1);
        assertThat(figures.get("owners").valueStream().map(owner -> owner.get("ownerId").asString()))
                .containsExactly("alice", "bob");
        assertThat(figures.get("valueAtRisk").get(0).get("currency").asString()).isEqualTo("EUR");
    }

    /**
     * Called every 20 days, then nothing for 110 days, then lost 40 days ago: neglected from 46 days
     * after the last call (1.5 x 30), 104 days ago, so Rapport warned 64 days ahead.
     */
    @Test
    void theLossAnalysisSaysHowLongBeforeTheLossRapportWarned() {
        JsonNode losses = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/insights/losses").json(),
                report -> report.get("items").size() == 1 && report.get("items").get(0).get("interviewed").asBoolean());

        JsonNode loss = losses.get("items").get(0);
        assertThat(loss.get("accountId").asString()).isEqualTo(departed.toString());
        assertThat(loss.get("primaryReason").asString()).isEqualTo("PRICE");
        assertThat(loss.get("competitor").asString()).isEqualTo("Globex");
        // a KEY account last called 150 days before now: overdue at one cadence (30 days) 119 days ago, before neglect
        assertThat(loss.get("flaggedAs").asString()).isEqualTo("RISK_SIGNAL");
        assertThat(loss.get("leadTimeDays").asInt()).isEqualTo(79);
        assertThat(losses.get("flaggedShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(losses.get("interviewCoverage").decimalValue()).isEqualByComparingTo("1");
        assertThat(losses.get("medianLeadTimeDays").decimalValue()).isEqualByComparingTo("79");
        assertThat(losses.get("byReason").get("PRICE").asInt()).isEqualTo(1);
    }

    @Test
    void theCallListPutsTheNeglectedAndSlippingFirstWithAnAgenda() {
        // the accounts live in Paris: their "today" is Paris's, whatever the hour in UTC
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        JsonNode list = api.get("/api/insights/call-list?owner=alice&date=" + today).json();

        List<String> names = list.get("items").valueStream().map(item -> item.get("name").asString()).toList();
        assertThat(names.get(0)).isEqualTo("Gone Quiet");
        assertThat(list.get("items").get(0).get("reason").asString()).contains("No two-way contact in 80 days");
        assertThat(list.get("items").get(0).get("agenda").asString()).contains("what we do right", "what we do wrong");
        assertThat(names).doesNotContain("Only Voicemails", "Troubled Times");
        assertThat(api.get("/api/insights/call-list").status()).isEqualTo(400);
    }

    @Test
    void openNeedsAreListedByAge() {
        JsonNode needs = api.get("/api/insights/unmet-needs").json();

        assertThat(needs.get("items").valueStream().map(need -> need.get("description").asString()))
                .containsExactly("Weekly usage dashboards");
        assertThat(needs.get("items").get(0).get("ageDays").asInt()).isEqualTo(60);
        assertThat(needs.get("byCategory").get(0).get("category").asString()).isEqualTo("Reporting");
    }

    @Test
    void processorsReportWhereTheyAreToPrometheus() {
        Api insights = new Api(suite.service(Suite.Component.INSIGHTS));

        String scrape = insights.getText("/actuator/prometheus").text();

        assertThat(scrape).contains("rapport_processor_position{", "processor=\"histories\"",
                "rapport_processor_replaying{", "application=\"insights-service\"", "rapport_eventstore_head{",
                "rapport_accounts{", "band=\"HEALTHY\"", "rapport_accounts_neglected{");
        assertThat(scrape).containsPattern("rapport_accounts_neglected\\{[^}]*\\} 2\\.0");
    }

    /** An alert on a metric nobody exposes never fires: every metric the rules name is in a real scrape. */
    @Test
    void everyMetricTheAlertRulesNameIsExposed() throws Exception {
        String rules = Files.readString(Path.of(System.getProperty("rapport.root"), "ops", "prometheus", "alerts.yml"));
        Set<String> named = new TreeSet<>();
        Matcher metric = Pattern.compile("\\b(rapport_[a-z_]+|http_[a-z_]+)\\b").matcher(rules);
        while (metric.find()) {
            named.add(metric.group(1));
        }
        StringBuilder scrapes = new StringBuilder();
        for (Suite.Component service : List.of(Suite.Component.ACCOUNTS, Suite.Component.OUTREACH, Suite.Component.INSIGHTS)) {
            scrapes.append(new Api(suite.service(service)).getText("/actuator/prometheus").text());
        }

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(scrapes.toString()).contains(name + "{"));
    }

    @Test
    void aNeglectFlagIsPublishedOnceAndShowsInTheTimeline() {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/outreach/accounts/" + quiet + "/timeline?size=100")
                .json().get("items").valueStream().anyMatch(item -> item.get("type").asString().equals("rapport.insights.neglect-flag-raised")));

        List<JsonNode> flags = api.get("/api/outreach/accounts/" + quiet + "/timeline?size=100").json().get("items").valueStream()
                .filter(item -> item.get("type").asString().equals("rapport.insights.neglect-flag-raised")).toList();

        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).get("summary").asString()).startsWith("Flagged as neglected: no two-way contact in");
    }

    private static final String RECORDED = "rapport_events_recorded_total";
    private static final String BAND_CHANGES = "rapport_health_band_changes_total";
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    /** A live scrape: each service on its own port, the gateway with the suite's key, which holds OPS. */
    static Scrape scrape(Suite.Component component) {
        Api client = component.isService() ? new Api(suite.service(component)) : api;
        Api.Reply reply = client.getText("/actuator/prometheus");
        assertThat(reply.status()).as(component + ": " + reply).isEqualTo(200);
        return new Scrape(reply.text());
    }

    /**
     * What the script above wrote, counted by the service that appended it, and what insights
     * concluded from it, as Prometheus reads them. Insights publishes its conclusions as it goes,
     * so its figures are awaited until they agree with the store and the portfolio.
     */
    @Test
    void theBusinessMetricsReadWhatTheScriptedHistoriesDid() {
        Scrape accounts = scrape(Suite.Component.ACCOUNTS);
        Scrape outreach = scrape(Suite.Component.OUTREACH);

        assertThat(accounts.sum(RECORDED, "type", "rapport.accounts.account-opened")).isEqualTo(5);
        assertThat(accounts.sum(RECORDED, "type", "rapport.accounts.account-lost")).isEqualTo(1);
        assertThat(outreach.sum(RECORDED, "type", "rapport.accounts.account-opened"))
                .as("each service counts only what it appended").isZero();
        assertThat(outreach.sum(RECORDED, "type", "rapport.outreach.contact-logged")).isEqualTo(52);
        assertThat(outreach.sum(RECORDED, "type", "rapport.outreach.pitch-made")).isEqualTo(1);
        assertThat(outreach.sum(RECORDED, "type", "rapport.outreach.feedback-received")).isEqualTo(2);
        assertThat(outreach.sum(RECORDED, "type", "rapport.outreach.unmet-need-raised")).isEqualTo(1);
        assertThat(outreach.sum(RECORDED, "type", "rapport.outreach.competitor-sighted")).isEqualTo(1);
        assertThat(outreach.sum(RECORDED, "type", "rapport.outreach.lost-client-interview-recorded")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Scrape insights = scrape(Suite.Component.INSIGHTS);
            JsonNode portfolio = api.get("/api/insights/portfolio").json();
            for (String conclusion : List.of("rapport.insights.health-band-changed", "rapport.insights.neglect-flag-raised",
                    "rapport.insights.neglect-flag-cleared")) {
                assertThat(insights.sum(RECORDED, "type", conclusion)).as(conclusion).isEqualTo(store.countOfType(conclusion));
            }
            assertThat(insights.sum(BAND_CHANGES)).isEqualTo(store.countOfType("rapport.insights.health-band-changed"));
            assertThat(insights.sum(BAND_CHANGES, "from", "NONE")).as("each account's first assessment").isEqualTo(5);
            for (String band : List.of("HEALTHY", "WATCH", "AT_RISK", "CRITICAL")) {
                assertThat(insights.sum("rapport_accounts", "band", band)).as(band)
                        .isEqualTo(portfolio.get("bands").get(band).asDouble());
            }
            assertThat(insights.sum("rapport_accounts", "band", "HEALTHY")).isEqualTo(1);
            assertThat(insights.sum("rapport_accounts_neglected")).isEqualTo(2);
            JsonNode euros = portfolio.get("valueAtRisk").get(0);
            assertThat(insights.sum("rapport_value_at_risk", "currency", "EUR"))
                    .isEqualTo(euros.get("amount").asDouble())
                    .as("Gone Quiet and Only Voicemails are neglected").isGreaterThanOrEqualTo(370_000);
        });
    }

    /**
     * Every event the feed serves, whatever its type and the revision it was stored in, matches the
     * schema the feed serves for that type and revision; the scripted histories hold nearly every type.
     */
    @Test
    void everyServedEventMatchesItsPublishedSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, JsonSchema> schemas = new HashMap<>();
        List<JsonNode> served = served("");

        for (JsonNode item : served) {
            String schema = "/api/events/schemas/" + item.get("type").asString() + "?revision=" + item.get("revision").asString();
            Set<ValidationMessage> errors = schemas.computeIfAbsent(schema, address -> factory.getSchema(api.getText(address).text()))
                    .validate(item.get("data").toString(), InputFormat.JSON);
            assertThat(errors).as(item.toString()).isEmpty();
        }
        assertThat(served.stream().map(item -> item.get("type").asString()).distinct())
                .contains("rapport.accounts.account-opened", "rapport.accounts.account-lost",
                        "rapport.outreach.contact-logged", "rapport.outreach.feedback-received",
                        "rapport.outreach.unmet-need-raised", "rapport.outreach.competitor-sighted",
                        "rapport.outreach.lost-client-interview-recorded", "rapport.insights.health-band-changed");
    }

    /** A types filter serves every event of the named types, in order, and nothing else. */
    @Test
    void theTypesFilterServesExactlyTheNamedTypes() {
        String pitches = "rapport.outreach.pitch-made";
        String losses = "rapport.accounts.account-lost";

        List<JsonNode> served = served("&types=" + pitches + "," + losses);

        assertThat(served).allSatisfy(item -> assertThat(item.get("type").asString()).isIn(pitches, losses));
        assertThat(served.stream().filter(item -> item.get("type").asString().equals(pitches))).hasSize((int) store.countOfType(pitches));
        assertThat(served.stream().filter(item -> item.get("type").asString().equals(losses))).hasSize((int) store.countOfType(losses));
        assertThat(served.stream().map(item -> item.get("position").asLong()).toList()).isSorted().doesNotHaveDuplicates();
    }

    /** The feed from its start, page by page as a consumer reads it. */
    private static List<JsonNode> served(String filters) {
        List<JsonNode> items = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/events?limit=1000&after=" + after + filters).json();
            long next = page.get("next").asLong();
            // a page reads a bounded stretch of the store: only an empty one that moved nowhere is the end
            if (page.get("items").isEmpty() && next == after) {
                return items;
            }
            page.get("items").forEach(items::add);
            after = next;
        }
    }

    /**
     * Prometheus can read the scrape of every process (promtool finds no error in it), and
     * Rapport's own metrics pass promtool's lint. Lint findings on Spring's, Micrometer's and
     * Axon's metrics are reported, not failed on: those names are not Rapport's to change.
     */
    @Test
    void everyScrapePassesPromtool() throws Exception {
        boolean installed = Files.isExecutable(PROMTOOL);
        assertThat(installed || !"true".equals(System.getenv("CI")))
                .as("CI installs promtool (Debian's prometheus package) at " + PROMTOOL).isTrue();
        assumeTrue(installed, "promtool is not installed here (apt-get install prometheus); CI runs this check");

        List<String> ours = new ArrayList<>();
        for (Suite.Component component : Suite.Component.values()) {
            Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream in = promtool.getOutputStream()) {
                in.write(scrape(component).text().getBytes(StandardCharsets.UTF_8));
            }
            String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = promtool.waitFor();
            // 0: clean; 3: lint findings only; anything else: promtool could not read the scrape
            assertThat(status).as(component + ": " + findings).isIn(0, 3);
            List<String> lint = findings.lines().filter(finding -> !finding.isBlank()).toList();
            lint.stream().filter(finding -> finding.startsWith("rapport_")).map(finding -> component + ": " + finding)
                    .forEach(ours::add);
            System.out.println("promtool on " + component + ": " + lint.size() + " lint findings, e.g. "
                    + lint.stream().limit(3).toList());
        }

        assertThat(ours).isEmpty();
    }
}
