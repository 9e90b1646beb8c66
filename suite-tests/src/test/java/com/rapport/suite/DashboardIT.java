package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's headless Chromium), signed in with the login form as
 * the suite's LEADER, on the embedded default (H2). What the page shows is compared with what the
 * API answers at the same moment.
 */
class DashboardIT extends ThroughTheGateway {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String HOSTILE = "<script>window.rapportInjected = true</script>"
            + "<img src=x onerror=\"window.rapportInjected = true\">Hostile & Co";

    private static final String TREND = "/api/insights/portfolio/trend";
    private static final String PORTFOLIO = "/api/insights/portfolio";

    static Browser browser;
    static UUID tended;
    static UUID quiet;
    static UUID voicemails;
    static UUID hostile;

    @RegisterExtension
    static final Browser.Screenshots screenshots = new Browser.Screenshots(() -> browser);

    @BeforeAll
    static void start() {
        use(Suite.start("dashboard-h2", H2Database.start("dashboard-h2")));
        browser = Browser.start(suite.gateway());
        aNewLeaderIsToldHowToLoadData();
        writeTheHistories();
        theEmptyPageFillsItselfAsTheDataArrives();
    }

    /** Before any account exists, the overview says how to load some, instead of a page of zeros. */
    private static void aNewLeaderIsToldHowToLoadData() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        onThePage().untilAsserted(() -> assertThat(browser.text("[data-test=empty-state]"))
                .contains("./rapport demo").contains("/api/accounts"));
        browser.screenshot("DashboardIT-empty-state");
        browser.script("window.rapportEmptyPage = true");
    }

    private static void theEmptyPageFillsItselfAsTheDataArrives() {
        onThePage().untilAsserted(() -> assertThat(browser.findAll("[data-test=account-row]")).hasSize(4));
        assertThat(browser.script("return window.rapportEmptyPage === true")).as("the same page, not reloaded").isEqualTo(true);
        browser.screenshot("DashboardIT-filled-without-a-reload");
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            stopSuite();
        }
    }

    private static void writeTheHistories() {
        Script script = new Script(api);
        tended = script.opened("Tended Strategic", "STRATEGIC", 900_000, "alice", 400);
        for (int day = 178; day >= 4; day -= 6) {
            script.connectedCall(tended, day);
        }
        script.contact(tended, "CONNECTED", "MEETING", "EXECUTIVE", 30);
        script.pitch(tended, true, 60);

        quiet = script.opened("Gone Quiet", "KEY", 250_000, "alice", 300);
        for (int day = 170; day >= 80; day -= 30) {
            script.connectedCall(quiet, day);
        }
        script.competitor(quiet, "Globex", 20);

        voicemails = script.opened("Only Voicemails", "KEY", 120_000, "bob", 200);
        script.connectedCall(voicemails, 65);
        for (int day = 60; day >= 10; day -= 10) {
            script.voicemail(voicemails, day);
        }

        hostile = script.opened(HOSTILE, "CORE", 40_000, "bob", 100);
        Api.Reply note = api.post("/api/outreach/accounts/" + hostile + "/contacts", Map.of("channel", "CALL",
                "outcome", "CONNECTED", "staffId", "bob", "staffRole", "SALES",
                "note", "<script>window.rapportInjected = true</script> said no", "occurredAt", script.daysAgo(3)));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);

        UUID departed = script.opened("Departed Ltd", "KEY", 180_000, "alice", 300);
        for (int day = 290; day >= 150; day -= 20) {
            script.connectedCall(departed, day);
        }
        script.lost(departed, "COMPETITOR_OFFER", 40);
        script.exitInterview(departed, "PRICE", "Globex", 30);

        await().atMost(SETTLE).until(() -> api.get("/api/insights/losses").json().get("items").valueStream()
                .anyMatch(loss -> loss.get("interviewed").asBoolean()));
        await().atMost(SETTLE).until(() -> api.get("/api/insights/portfolio").json().get("accounts").asInt() == 4
                && api.get("/api/outreach/accounts/" + hostile + "/timeline").json().get("items").valueStream()
                .anyMatch(item -> item.get("type").asString().equals("rapport.outreach.contact-logged")));
    }

    @Test
    void aLeaderSignsInAndSeesThePortfolioAsTheApiGivesIt() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);

        onThePage().untilAsserted(() -> {
            JsonNode portfolio = api.get("/api/insights/portfolio").json();
            for (String band : List.of("HEALTHY", "WATCH", "AT_RISK", "CRITICAL")) {
                assertThat(browser.text("[data-test=band-" + band + "-value]")).as(band)
                        .isEqualTo(portfolio.get("bands").get(band).asString());
            }
            assertThat(browser.text("[data-test=neglected-value]")).isEqualTo(portfolio.get("neglected").asString());
            JsonNode valueAtRisk = portfolio.get("valueAtRisk").get(0);
            assertThat(digits(browser.text("[data-test=value-at-risk-value]")))
                    .isEqualTo(valueAtRisk.get("amount").decimalValue().toBigInteger().toString());
        });
        assertThat(browser.text("[data-test=user]")).isEqualTo(Suite.LEADER_USERNAME);
        assertThat(browser.findAll("[data-test=account-row]")).hasSize(4);
    }

    @Test
    void opensASlippingAccountFromTheListAndSeesWhy() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        JsonNode health = api.get("/api/insights/accounts/" + quiet + "/health").json();
        assertThat(health.get("band").asString()).as("the history makes it slip").isIn("AT_RISK", "CRITICAL");

        onThePage().untilAsserted(() -> {
            WebElement row = browser.find(row(quiet));
            assertThat(row.getText()).contains(health.get("topReasons").get(0).asString());
            row.findElement(By.cssSelector("[data-test=account-link]")).click();
        });

        onThePage().until(() -> browser.findAll("[data-test=reason]").size() == 9);
        assertThat(browser.text("[data-test=account-name]")).isEqualTo("Gone Quiet");
        assertThat(browser.find("[data-test=account-band]").getAttribute("data-band")).isEqualTo(health.get("band").asString());
        assertThat(browser.findAll("[data-test=reason]").stream().map(WebElement::getText))
                .containsExactlyInAnyOrderElementsOf(health.get("factors").valueStream()
                        .map(factor -> factor.get("reason").asString()).toList())
                .anySatisfy(reason -> assertThat(reason).startsWith("No two-way contact in"))
                .anySatisfy(reason -> assertThat(reason).contains("Globex"));
    }

    @Test
    void anAccountPageAsksForItsScoreHistoryOnceAndTheStreamForItsHeadOnce() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        browser.open("/#/accounts/" + quiet);
        onThePage().until(() -> browser.findAll("[data-test=reason]").size() == 9 && "live".equals(liveState())
                && scoresCharted() != null);

        String health = "/api/insights/accounts/" + quiet + "/health";
        List<String> history = browser.requested(health + "/history");
        assertThat(history).as("one request for the score over time").hasSize(1);
        assertThat(browser.requested(health)).as("the health now, and no moment asked for on its own")
                .hasSize(1).noneMatch(url -> url.contains("asOf"));
        assertThat(browser.requested("/api/events/head")).hasSize(1);

        JsonNode points = api.get(history.get(0)).json().get("points");
        assertThat(scoresCharted()).as("the chart shows the history the page asked for")
                .isEqualTo(points.valueStream().map(point -> (Object) point.get("score").asLong()).toList());
    }

    @Test
    void anAccountPageSaysWhyTheScoreMovedFactorByFactor() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        browser.open("/#/accounts/" + quiet);
        onThePage().until(() -> !browser.findAll("[data-test=movement-factor]").isEmpty());

        JsonNode movement = api.get("/api/insights/accounts/" + quiet + "/health/movement").json();
        assertThat(browser.findAll("[data-test=movement-factor]").stream().map(factor -> factor.getAttribute("data-factor")))
                .as("the factors that moved in the last 30 days")
                .containsExactlyInAnyOrderElementsOf(movement.get("factors").valueStream()
                        .filter(factor -> factor.get("points").asDouble() != 0)
                        .map(factor -> factor.get("factor").asString()).toList());
        assertThat(browser.text("[data-test=movement-factor][data-factor=competitorPressure]"))
                .as("the sighting 20 days ago, under the factor it moved").contains("Competitor sighted: Globex");
        assertThat(browser.findAll("[data-test=movement-time]")).as("time passing without contact").isNotEmpty();
    }

    /** Globex was seen at Gone Quiet 20 days ago: a signal of its own, on its page and under the portfolio's filter. */
    @Test
    void anAccountWithARaisedSignalShowsItOnItsPageAndUnderThePortfolioFilter() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        JsonNode sighted = api.get("/api/insights/accounts/" + quiet + "/health").json().get("signals").valueStream()
                .filter(raised -> raised.get("signal").asString().equals("competitorSighted"))
                .findFirst().orElseThrow(() -> new AssertionError("the sighting raises a signal"));

        onThePage().until(() -> !browser.findAll("[data-test=filter-signal]").isEmpty());
        new Select(browser.find("[data-test=filter-signal]")).selectByVisibleText("Competitor sighted");
        onThePage().untilAsserted(() -> {
            List<String> listed = api.get("/api/insights/health?signal=competitorSighted&sort=RISK&size=25").json()
                    .get("items").valueStream().map(item -> item.get("accountId").asString()).toList();
            assertThat(listed).contains(quiet.toString()).doesNotContain(tended.toString());
            assertThat(browser.findAll("[data-test=account-row]").stream().map(row -> row.getAttribute("data-account-id")))
                    .containsExactlyElementsOf(listed);
            assertThat(browser.findAll(row(quiet) + " [data-test=signal-tag]").stream().map(tag -> tag.getAttribute("data-signal")))
                    .contains("competitorSighted");
            assertThat(browser.findAll(row(quiet) + " [data-test=flagged-flag]")).hasSize(1);
        });
        assertThat(browser.driver().getCurrentUrl()).as("the filter, kept so it can be shared").contains("signal=competitorSighted");
        browser.screenshot("DashboardIT-signal-filter");

        browser.find(row(quiet) + " [data-test=account-link]").click();
        String shown = "[data-test=signal][data-signal=competitorSighted]";
        onThePage().until(() -> !browser.findAll(shown).isEmpty());
        assertThat(browser.text(shown + " [data-test=signal-reason]")).isEqualTo(sighted.get("reason").asString()).contains("Globex");
        assertThat(browser.findAll(shown + " [data-test=signal-figure]").stream().map(figure -> figure.getAttribute("data-figure")))
                .containsExactlyInAnyOrderElementsOf(sighted.get("figures").propertyNames());
        assertThat(browser.text(shown + " [data-test=signal-figure][data-figure=sightings] dd")).isEqualTo("1");
        assertThat(browser.findAll("[data-test=account-name] ~ [data-test=flagged-flag]")).as("flagged beside the name").hasSize(1);
    }

    /**
     * Departed Ltd, called every 20 days until 150 days ago and lost 40 days ago: the backtest of this history, as
     * the API replays it under the policy in force and under a candidate typed on the page.
     */
    @Test
    void theBacktestShowsHowEarlyRapportWarnedUnderThePolicyInForceAndACandidate() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        JsonNode inForce = api.get("/api/insights/backtest").json();
        assertThat(inForce.get("losses").valueStream().map(loss -> loss.get("name").asString())).containsExactly("Departed Ltd");
        JsonNode departed = inForce.get("losses").get(0);
        assertThat(departed.get("foreseeable").asBoolean()).isTrue();
        assertThat(departed.get("leadTimeDays").asLong()).as("warned months before: a key account overdue, then neglected")
                .isBetween(60L, 120L);

        browser.find("[data-test=nav] a[data-view=backtest]").click();
        onThePage().untilAsserted(() -> {
            assertThat(browser.text("[data-test=caught-value]")).isEqualTo(percent(inForce.get("foreseeable").get("flaggedShare")));
            assertThat(browser.text("[data-test=median-warning-value]"))
                    .isEqualTo(Math.round(inForce.get("foreseeable").get("leadTimeDays").get("median").asDouble()) + " days");
            assertThat(browser.text("[data-test=false-alarms-value]")).isEqualTo(percent(inForce.get("falseAlarms").get("share")));
            assertThat(browser.text("[data-test=outside-value]")).isEqualTo(inForce.get("outside").get("losses").asString());
            assertThat(texts("[data-test=backtest-loss] a")).containsExactly("Departed Ltd");
            assertThat(browser.find("[data-test=backtest-loss] [data-test=lead][data-policy='0']").getAttribute("data-days"))
                    .isEqualTo(departed.get("leadTimeDays").asString());
        });
        assertThat(browser.text("[data-test=per-tier] [data-test=tier][data-tier=KEY]")).startsWith("Key 100 % (1 of 1)");

        // with no calibration to propose, a candidate of one's own: the key accounts' cadence far longer, none of them
        // watched for being overdue
        String changes = "{\"cadenceDays\": {\"KEY\": 200}, \"signals\": {\"topTiers\": []}}";
        Api.Reply replayed = api.post("/api/insights/backtest", Map.of("policy", Map.of("cadenceDays", Map.of("KEY", 200),
                "signals", Map.of("topTiers", List.of()))));
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        JsonNode candidate = replayed.json();
        onThePage().until(() -> !browser.findAll("[data-test=candidate]").isEmpty());
        browser.find("[data-test=candidate]").sendKeys(changes);
        browser.find("[data-test=candidate-run]").click();
        onThePage().untilAsserted(() -> {
            assertThat(browser.text("[data-test=candidate-error]")).as("refused").isEmpty();
            assertThat(browser.findAll("[data-test=measure-caught]")).hasSize(2);
            assertThat(browser.find("[data-test=measure-caught][data-policy='1']").getText())
                    .isEqualTo(percent(candidate.get("foreseeable").get("flaggedShare")) + " ("
                            + candidate.get("foreseeable").get("flagged").asLong() + " of 1)");
            assertThat(browser.find("[data-test=measure-false-alarms][data-policy='1']").getText())
                    .startsWith(percent(candidate.get("falseAlarms").get("share")));
        });
        assertThat(browser.driver().getCurrentUrl()).as("the candidate, kept so it can be shared").contains("candidate=");
        browser.screenshot("DashboardIT-backtest");

        browser.find("[data-test=candidate]").clear();
        browser.find("[data-test=candidate]").sendKeys("{\"cadenceDays\": ");
        browser.find("[data-test=candidate-run]").click();
        assertThat(browser.text("[data-test=candidate-error]")).contains("one JSON object");
    }

    @Test
    void axeFindsNothingWrongWithTheBacktest() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        browser.open("/#/backtest?candidate=" + URLEncoder.encode("{\"signals\":{\"needOpenDays\":30}}", StandardCharsets.UTF_8));
        onThePage().until(() -> browser.findAll("[data-test=measure-caught]").size() == 2
                && !browser.findAll("[data-test=backtest-loss]").isEmpty());

        assertThat(Accessibility.violations(browser)).isEmpty();
    }

    /**
     * Contacts with an account the page does not show change nothing it shows but the figures their
     * health changes: the trend, whose points are the starts of days gone by, is not asked for again.
     */
    @Test
    void liveEventsRedrawOnlyWhatTheyChange() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        browser.open("/#/?owner=bob");
        onThePage().until(() -> texts("[data-test=account-row] [data-test=account-link]").size() == 2
                && "live".equals(liveState()));
        assertThat(browser.findAll(row(tended))).as("Alice's account is not shown").isEmpty();
        browser.script("window.rapportMarker = 'the same page'");
        int trendsAskedFor = browser.requested(TREND).size();
        long neglectedBefore = api.get(PORTFOLIO).json().get("neglected").asLong();

        Script script = new Script(api);
        for (int attempt = 0; attempt < 5; attempt++) {
            script.voicemail(tended, 0);
        }
        // its last connected call was 4 days ago: with a cadence of a day it is neglected from now on
        Api.Reply cadence = api.patch("/api/accounts/" + tended, Map.of("cadenceDays", 1));
        assertThat(cadence.status()).as(cadence.toString()).isEqualTo(202);
        await().atMost(SETTLE).until(() -> api.get(PORTFOLIO).json().get("neglected").asLong() > neglectedBefore);

        onThePage().untilAsserted(() -> {
            JsonNode portfolio = api.get(PORTFOLIO).json();
            assertThat(browser.text("[data-test=neglected-value]")).isEqualTo(portfolio.get("neglected").asString());
            for (String band : List.of("HEALTHY", "WATCH", "AT_RISK", "CRITICAL")) {
                assertThat(browser.text("[data-test=band-" + band + "-value]")).as(band)
                        .isEqualTo(portfolio.get("bands").get(band).asString());
            }
        });
        assertThat(browser.requested(TREND)).as("the trend, asked for again").hasSize(trendsAskedFor);
        assertThat(browser.script("return window.rapportMarker")).as("the page was not reloaded").isEqualTo("the same page");
    }

    @Test
    void aBandChangeAppearsOnTheOpenPageWithoutAReload() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        browser.open("/#/accounts/" + voicemails);
        String before = api.get("/api/insights/accounts/" + voicemails + "/health").json().get("band").asString();
        onThePage().until(() -> before.equals(bandShown()) && "live".equals(liveState()));
        browser.script("window.rapportMarker = 'the same page'");

        new Script(api).connectedCall(voicemails, 0);
        String after = await().atMost(SETTLE).until(
                () -> api.get("/api/insights/accounts/" + voicemails + "/health").json().get("band").asString(),
                band -> !band.equals(before));

        onThePage().until(() -> after.equals(bandShown()));
        assertThat(browser.script("return window.rapportMarker")).as("the page was not reloaded").isEqualTo("the same page");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/#/accounts/" + voicemails);
    }

    @Test
    void whatUsersTypedShowsAsTextAndNeverRuns() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);
        onThePage()
                .until(() -> browser.text(row(hostile) + " [data-test=account-link]").equals(HOSTILE));

        browser.open("/#/accounts/" + hostile);
        onThePage().until(() -> browser.text("[data-test=timeline]").contains("said no"));

        assertThat(browser.text("[data-test=account-name]")).isEqualTo(HOSTILE);
        assertThat(browser.findAll("[data-test=summary]").stream().map(WebElement::getText))
                .anySatisfy(summary -> assertThat(summary).contains("<script>window.rapportInjected = true</script> said no"));
        assertThat(browser.findAll("#view script, #view img")).as("elements made from what users typed").isEmpty();
        assertThat(browser.script("return window.rapportInjected === undefined")).as("no script ran").isEqualTo(true);
    }

    @Test
    void theCallListLossesAndCoverageShowWhatTheApiSays() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);

        browser.open("/#/calls?owner=alice");
        // the page asks for the browser's today; Chromium runs in this JVM's time zone
        LocalDate today = LocalDate.now();
        onThePage().untilAsserted(() -> {
            JsonNode calls = api.get("/api/insights/call-list?owner=alice&size=50&date=" + today).json();
            assertThat(texts("[data-test=call] a")).isNotEmpty().containsExactlyElementsOf(calls.get("items").valueStream()
                    .map(call -> call.get("name").asString()).toList());
            assertThat(browser.text("[data-test=call-reason]")).isEqualTo(calls.get("items").get(0).get("reason").asString());
            for (JsonNode call : calls.get("items")) {
                assertThat(browser.findAll("[data-test=call][data-account-id='" + call.get("accountId").asString()
                        + "'] [data-test=signal-tag]").stream().map(tag -> tag.getAttribute("data-signal")))
                        .as("the risk signals of " + call.get("name").asString())
                        .containsExactlyElementsOf(call.get("signals").valueStream().map(JsonNode::asString).toList());
            }
        });
        browser.screenshot("DashboardIT-calls");

        browser.open("/#/losses");
        onThePage().untilAsserted(() -> {
            JsonNode losses = api.get("/api/insights/losses").json();
            assertThat(browser.text("[data-test=losses-count-value]")).isEqualTo(losses.get("total").asString());
            assertThat(browser.text("[data-test=interview-coverage-value]")).isEqualTo(percent(losses.get("interviewCoverage")));
            assertThat(browser.text("[data-test=flagged-share-value]")).isEqualTo(percent(losses.get("flaggedShare")));
            assertThat(browser.text("[data-test=median-lead-time-value]"))
                    .isEqualTo(losses.get("medianLeadTimeDays").asInt() + " days");
            assertThat(texts("[data-test=loss] a")).containsExactly("Departed Ltd");
            assertThat(browser.findAll("[data-test=reasons-chart]")).hasSize(1);
        });
        browser.screenshot("DashboardIT-losses");

        browser.open("/#/coverage");
        onThePage().untilAsserted(() -> {
            JsonNode owners = api.get("/api/insights/portfolio").json().get("owners");
            JsonNode alice = owners.valueStream().filter(owner -> owner.get("ownerId").asString().equals("alice"))
                    .findFirst().orElseThrow();
            assertThat(browser.findAll("[data-test=owner]").stream().map(owner -> owner.getAttribute("data-owner")))
                    .containsExactlyInAnyOrderElementsOf(owners.valueStream().map(owner -> owner.get("ownerId").asString()).toList());
            assertThat(browser.text("[data-test=owner][data-owner=alice] [data-test=coverage-share]"))
                    .isEqualTo(percent(alice.get("coverage")));
        });
    }

    @Test
    void afterSigningOutTheDashboardIsTheLoginPage() {
        browser.signIn(Suite.LEADER_USERNAME, Suite.LEADER_PASSWORD);

        browser.find("[data-test=logout] button").click();
        onThePage().until(() -> browser.driver().getCurrentUrl().endsWith("/login?logout"));
        browser.open("/");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        assertThat(browser.findAll("[data-test=view]")).isEmpty();
    }

    @Test
    void withoutASessionTheDashboardIsTheLoginPage() {
        browser.forgetSession();

        browser.open("/");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        assertThat(browser.findAll("input[name=username]")).hasSize(1);
        assertThat(browser.findAll("input[name=password]")).hasSize(1);
        assertThat(browser.findAll("[data-test=view]")).isEmpty();
    }

    private static String row(UUID account) {
        return "[data-test=account-row][data-account-id='" + account + "']";
    }

    private static String bandShown() {
        return browser.findAll("[data-test=account-band]").stream().findFirst()
                .map(band -> band.getAttribute("data-band")).orElse("");
    }

    /** The scores the account page's chart draws, or null before it is drawn. */
    private static Object scoresCharted() {
        return browser.script("""
                const chart = window.Chart?.getChart(document.querySelector('[data-test=score-chart]'));
                return chart ? chart.data.datasets[0].data : null;""");
    }

    private static String liveState() {
        return browser.find("[data-test=live]").getAttribute("data-state");
    }

    /**
     * Waits for what the page shows. A live update may redraw the page between finding an element
     * and reading it: the element is then found again.
     */
    private static ConditionFactory onThePage() {
        return await().atMost(SETTLE).ignoreExceptionsInstanceOf(WebDriverException.class);
    }

    private static List<String> texts(String css) {
        return browser.findAll(css).stream().map(WebElement::getText).toList();
    }

    /** A share as the page writes it: 0.67 is "67 %". */
    private static String percent(JsonNode share) {
        return Math.round(share.asDouble() * 100) + " %";
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }
}
