package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.events.insights.HealthPolicyChanged;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.FeedbackSource;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.insights.account.AccountProjection;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.account.Rebuild;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.portfolio.PortfolioDays;
import com.rapport.insights.portfolio.PortfolioFigures;
import com.rapport.platform.processing.DeadLetters;
import com.rapport.platform.web.ActingUser;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Insights keeps one row per account up to date with work in proportion to what changed: after the
 * account's events, and when its moment of change comes with nothing happening; it publishes each
 * change once, rebuilds beside the live tables, and keeps the portfolio's days.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:reassessment;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        // the test runs the scheduled jobs itself, when it has moved the clock
        "rapport.insights.reassess-every=PT24H",
        "rapport.insights.portfolio-days-every=PT24H",
        "rapport.insights.rebuild-check-every=PT24H"})
@Import(ReassessmentTest.Clocks.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ReassessmentTest {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final JsonMapper STORED = JsonMapper.builder().build();

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock(START);
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    EventStore events;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    Reassessment reassessment;
    @Autowired
    AccountStates states;
    @Autowired
    AccountHistories histories;
    @Autowired
    Rebuild rebuild;
    @Autowired
    PortfolioDays portfolio;
    @Autowired
    HealthPolicy policy;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    MockMvc mvc;

    /** A new installation has nothing to rebuild: what it records is published at once. */
    @Test
    void aNewInstallationBuildsTheLiveTablesFromTheStart() {
        assertThat(rebuild.inProgress()).isFalse();
    }

    /** What the scheduled jobs do while a rebuild runs, until it is done: the days worked out, then the switch. */
    private void rebuildIsDone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofSeconds(3));
            portfolio.workOutNotedAccounts();
            rebuild.switchWhenDone();
            return !rebuild.inProgress();
        });
    }

    /** Publishes an event as its own service would: the first event of its aggregate. */
    private void recorded(String aggregateType, UUID aggregateId, AccountEvent event) {
        events.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), 0, event));
    }

    private UUID openedKeyAccount(Instant at) {
        UUID accountId = UUID.randomUUID();
        recorded("Account", accountId, new AccountOpened(accountId, "Acme " + accountId.toString().substring(0, 6), Tier.KEY,
                new BigDecimal("100000"), "EUR", "alice", "UTC", null, at));
        return accountId;
    }

    private void connected(UUID accountId, Instant at) {
        UUID contactId = UUID.randomUUID();
        recorded("Contact", contactId, new ContactLogged(contactId, accountId, Channel.CALL, ContactOutcome.CONNECTED,
                Direction.OUTBOUND, "alice", StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null, null, at));
    }

    private void competitorSeen(UUID accountId, Instant at) {
        UUID signalId = UUID.randomUUID();
        recorded("CompetitorSignal", signalId, new CompetitorSighted(signalId, accountId, "Globex", null, "alice", at));
    }

    /** Insights' own conclusions about the account of this type, as the store holds them. */
    private long published(UUID accountId, String type) {
        try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> all = storage.readEvents(null, false)) {
            return all.filter(message -> message.getPayload() instanceof AccountEvent event
                            && event.accountId().equals(accountId)
                            && message.getPayloadType().getSimpleName().equals(type))
                    .count();
        }
    }

    private JsonNode row(UUID accountId) {
        return jdbc.sql("SELECT assessment FROM insights.account_health WHERE account_id = :id")
                .param("id", accountId)
                .query((row, number) -> STORED.readTree(row.getString("assessment")))
                .optional().orElse(null);
    }

    private void raisedANeed(UUID accountId, Instant at) {
        UUID needId = UUID.randomUUID();
        recorded("UnmetNeed", needId, new UnmetNeedRaised(needId, accountId, "Reporting in yen", "reporting", "call", "alice", at));
    }

    private void raisedAndAddressedANeed(UUID accountId, Instant raised, Instant addressed) {
        UUID needId = UUID.randomUUID();
        events.publish(new GenericDomainEventMessage<>("UnmetNeed", needId.toString(), 0,
                new UnmetNeedRaised(needId, accountId, "Single sign-on", "security", "call", "alice", raised)));
        events.publish(new GenericDomainEventMessage<>("UnmetNeed", needId.toString(), 1,
                new UnmetNeedAddressed(needId, accountId, "shipped", addressed)));
    }

    /** Every question insights answers. */
    private static final List<String> READS = List.of("/api/insights/health?sort=RISK&size=200", "/api/insights/portfolio",
            "/api/insights/portfolio?asOf={monthAgo}", "/api/insights/portfolio/trend?from={weeksAgo}&to={today}&step=P7D",
            "/api/insights/losses?size=500", "/api/insights/unmet-needs?status=OPEN&size=500",
            "/api/insights/unmet-needs?status=ADDRESSED&size=500", "/api/insights/call-list?owner=alice&size=100&date={date}",
            "/api/insights/accounts/{account}/health", "/api/insights/accounts/{account}/health/history?to={today}");

    /** What every question insights answers says, each without the moment it was asked at. */
    private List<JsonNode> everyRead(UUID account) throws Exception {
        Instant today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<JsonNode> answers = new ArrayList<>();
        for (String read : READS) {
            String question = read.replace("{account}", account.toString())
                    .replace("{today}", today.toString())
                    .replace("{monthAgo}", today.minus(Duration.ofDays(30)).toString())
                    .replace("{weeksAgo}", today.minus(Duration.ofDays(98)).toString())
                    .replace("{date}", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
            String body = mvc.perform(get(question)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            answers.add(withoutMoments(STORED.readTree(body)));
        }
        return answers;
    }

    /**
     * Leaves out every {@code asOf}, {@code from} and {@code to}, and what a runway counts from them: the clock
     * moves on while a rebuild runs.
     */
    private static JsonNode withoutMoments(JsonNode answer) {
        if (answer instanceof ObjectNode object) {
            object.remove(List.of("asOf", "from", "to"));
            withoutRunwayMoments(object);
            object.properties().forEach(property -> withoutMoments(property.getValue()));
        } else if (answer.isArray()) {
            answer.forEach(ReassessmentTest::withoutMoments);
        }
        return answer;
    }

    private static JsonNode apartFromItsMoment(JsonNode assessment) {
        ObjectNode copy = (ObjectNode) assessment.deepCopy();
        copy.remove("asOf");
        withoutRunwayMoments(copy);
        return copy;
    }

    /** A runway counts its days from the assessment's moment, and an account flagged already is flagged from then. */
    private static void withoutRunwayMoments(ObjectNode assessment) {
        if (assessment.get("runway") instanceof ObjectNode runway) {
            if (runway.get("days").asLong() == 0) {
                runway.remove("flaggedAt");
            }
            runway.remove("days");
        }
    }

    private long kept(UUID accountId) {
        return histories.of(accountId).size();
    }

    @Test
    void theScheduledRoundRaisesTheNeglectFlagWhenOnlyTimePassesAndOncePerChange() {
        UUID account = openedKeyAccount(clock.instant());
        connected(account, clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> published(account, "HealthBandChanged") == 1);
        assertThat(row(account).get("band").asString()).isEqualTo("HEALTHY");

        clock.advance(Duration.ofDays(40));
        reassessment.reassessDue();
        assertThat(published(account, "NeglectFlagRaised")).as("40 days: within 1.5 x 30").isZero();

        clock.advance(Duration.ofDays(6));
        reassessment.reassessDue();
        reassessment.reassessDue();
        assertThat(published(account, "NeglectFlagRaised")).as("46 days: neglected, said once").isEqualTo(1);
        assertThat(row(account).get("neglected").asBoolean()).isTrue();
        assertThat(row(account).get("daysSinceContact").asLong()).isEqualTo(46);

        connected(account, clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> published(account, "NeglectFlagCleared") == 1);
        reassessment.reassessDue();
        assertThat(published(account, "NeglectFlagCleared")).isEqualTo(1);
        assertThat(published(account, "NeglectFlagRaised")).isEqualTo(1);
    }

    @Test
    void aRiskSignalIsPublishedWhenRaisedAndWhenClearedOncePerChangeAndThePortfolioFindsIt() throws Exception {
        Instant now = clock.instant();
        UUID account = openedKeyAccount(now.minus(Duration.ofDays(20)));
        connected(account, now.minus(Duration.ofDays(10)));
        UUID feedbackId = UUID.randomUUID();
        recorded("Feedback", feedbackId, new FeedbackReceived(feedbackId, account, FeedbackSource.SURVEY, null,
                "Nobody calls back", null, 3, null, now.minus(Duration.ofDays(5))));
        await().atMost(Duration.ofSeconds(20)).until(() -> published(account, "RiskSignalRaised") == 1);
        assertThat(row(account).get("flagged").asBoolean()).isTrue();
        assertThat(row(account).get("signals").get(0).get("signal").asString()).isEqualTo("detractorComplaint");
        assertThat(row(account).get("signals").get(0).get("figures").get("nps").asLong()).isEqualTo(3);
        mvc.perform(get("/api/insights/health?signal=detractorComplaint&size=200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].accountId", hasItem(account.toString())));
        mvc.perform(get("/api/insights/health?flagged=false&size=200"))
                .andExpect(jsonPath("$.items[*].accountId", not(hasItem(account.toString()))));
        mvc.perform(get("/api/insights/health?signal=churn"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signal"));

        // the complaint talked through
        connected(account, now);
        await().atMost(Duration.ofSeconds(20)).until(() -> published(account, "RiskSignalCleared") == 1);
        reassessment.reassessDue();

        assertThat(published(account, "RiskSignalRaised")).isEqualTo(1);
        assertThat(published(account, "RiskSignalCleared")).isEqualTo(1);
        assertThat(row(account).get("signals").isEmpty()).isTrue();
        assertThat(row(account).get("flagged").asBoolean()).isFalse();
    }

    @Test
    void theScheduledRoundTakesOnlyTheAccountsWhoseAssessmentHasChanged() {
        UUID quiet = openedKeyAccount(clock.instant().minus(Duration.ofHours(30)));
        UUID fresh = openedKeyAccount(clock.instant().minus(Duration.ofHours(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(quiet) != null && row(fresh) != null);
        Instant freshAsOf = Instant.parse(row(fresh).get("asOf").asString());

        // the quiet account's day count steps on at 48 hours, the fresh one's at 24
        clock.advance(Duration.ofHours(19));
        reassessment.reassessDue();

        assertThat(row(quiet).get("daysSinceContact").asLong()).isEqualTo(2);
        assertThat(Instant.parse(row(quiet).get("asOf").asString())).isEqualTo(clock.instant());
        assertThat(Instant.parse(row(fresh).get("asOf").asString())).as("not due: untouched").isEqualTo(freshAsOf);
        assertThat(states.due(clock.instant(), 10)).isEmpty();
    }

    /**
     * A change of the health policy is published once, with its history row and every account made due, in one
     * transaction; the scheduled round re-assesses under it, and a past moment is assessed under the policy
     * in force then. Each test sets what it relies on, whatever the others changed before.
     */
    @Nested
    class WhenThePolicyChanges {

        private static final String POLICY = "/api/insights/policy";

        private ResultActions change(String changes) throws Exception {
            return mvc.perform(put(POLICY).contentType(MediaType.APPLICATION_JSON).header(ActingUser.HEADER, "lead")
                    .content("{\"changes\": " + changes + ", \"note\": \"Calibrated on last year's losses\"}"));
        }

        private List<HealthPolicyChanged> policyChanges() {
            try (Stream<? extends TrackedEventMessage<?>> all = storage.readEvents(null, false)) {
                return all.filter(message -> message.getPayloadType() == HealthPolicyChanged.class)
                        .map(message -> (HealthPolicyChanged) message.getPayload())
                        .toList();
            }
        }

        private JsonNode healthAt(UUID account, Instant asOf) throws Exception {
            return STORED.readTree(mvc.perform(get("/api/insights/accounts/{id}/health", account).param("asOf", asOf.toString()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        }

        @Test
        void asOfBeforeAndAfterAChangeUsesThePolicyInForceThen() throws Exception {
            change("{\"cadenceDays\": {\"KEY\": 30}, \"neglectMultiplier\": 1.5}").andExpect(status().isOk());
            clock.advance(Duration.ofDays(1));
            Instant changed = clock.instant();
            UUID account = openedKeyAccount(changed.minus(Duration.ofDays(40)));
            connected(account, changed.minus(Duration.ofDays(40)));
            await().atMost(Duration.ofSeconds(20)).until(() -> row(account) != null);

            change("{\"cadenceDays\": {\"KEY\": 20}}").andExpect(status().isOk());
            clock.advance(Duration.ofDays(2));

            JsonNode before = healthAt(account, changed.minusSeconds(1));
            assertThat(before.get("cadenceDays").asInt()).isEqualTo(30);
            assertThat(before.get("neglected").asBoolean()).as("40 days: within 1.5 x 30").isFalse();
            JsonNode after = healthAt(account, changed);
            assertThat(after.get("cadenceDays").asInt()).isEqualTo(20);
            assertThat(after.get("neglected").asBoolean()).as("40 days: past 1.5 x 20").isTrue();
            mvc.perform(get("/api/insights/accounts/{id}/health/history", account)
                            .param("from", changed.minus(Duration.ofDays(1)).toString()).param("to", changed.toString())
                            .param("step", "P1D"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.points[0].neglected").value(false))
                    .andExpect(jsonPath("$.points[1].neglected").value(true));
        }

        @Test
        void aChangeIsPublishedOnceKeptInTheHistoryAndTheScheduledRoundReassessesUnderIt() throws Exception {
            UUID account = openedKeyAccount(clock.instant().minus(Duration.ofDays(40)));
            connected(account, clock.instant().minus(Duration.ofDays(40)));
            await().atMost(Duration.ofSeconds(20)).until(() -> row(account) != null);
            reassessment.reassessDue();
            long bandChanges = published(account, "HealthBandChanged");
            int changes = policyChanges().size();
            int version = STORED.readTree(mvc.perform(get(POLICY)).andReturn().getResponse().getContentAsString())
                    .get("version").asInt();

            // every score short of 98 is CRITICAL
            change("{\"healthyFrom\": 100, \"watchFrom\": 99, \"atRiskFrom\": 98}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(version + 1))
                    .andExpect(jsonPath("$.policy.atRiskFrom").value(98))
                    .andExpect(jsonPath("$.policy.cadenceDays.STRATEGIC").value(7))
                    .andExpect(jsonPath("$.effectiveAt").value(clock.instant().toString()))
                    .andExpect(jsonPath("$.staffId").value("lead"))
                    .andExpect(jsonPath("$.note").value("Calibrated on last year's losses"));

            assertThat(policyChanges()).hasSize(changes + 1).last().satisfies(event -> {
                assertThat(event.version()).isEqualTo(version + 1);
                assertThat(event.policy()).containsEntry("atRiskFrom", 98).containsKey("signals");
                assertThat(event.effectiveAt()).isEqualTo(clock.instant());
                assertThat(event.staffId()).isEqualTo("lead");
            });
            mvc.perform(get(POLICY + "/history"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].version").value(0))
                    .andExpect(jsonPath("$[0].effectiveAt").isEmpty())
                    .andExpect(jsonPath("$[" + (version + 1) + "].version").value(version + 1))
                    .andExpect(jsonPath("$[" + (version + 1) + "].policy.healthyFrom").value(100));
            assertThat(states.due(clock.instant(), 10_000)).contains(account);

            reassessment.reassessDue();

            assertThat(published(account, "HealthBandChanged")).isEqualTo(bandChanges + 1);
            assertThat(row(account).get("band").asString()).isEqualTo("CRITICAL");
            assertThat(states.due(clock.instant(), 10_000)).doesNotContain(account);
        }

        @ParameterizedTest(name = "{0}: 400 on {1} ({2})")
        @CsvSource(delimiter = '|', value = {
                "{\"neglectMultiplier\": 0.5}             | changes.neglectMultiplier      | Consistent",
                "{\"rePitchDays\": \"soon\"}                | changes.rePitchDays            | Type",
                "{\"cadenceDays\": {\"KEY\": 0}}            | changes.cadenceDays.KEY        | Consistent",
                "{\"competitorWindowDays\": 60}             | changes.competitorWindowDays   | NeedsRebuild",
                "{\"momentumWindowDays\": 120}              | changes.momentumWindowDays     | NeedsRebuild"})
        void aChangeThatDoesNotFitIsA400NamingTheFieldAndChangesNothing(String changes, String field, String rule)
                throws Exception {
            int published = policyChanges().size();
            String inForce = mvc.perform(get(POLICY)).andReturn().getResponse().getContentAsString();

            change(changes)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].rule").value(rule));

            assertThat(policyChanges()).hasSize(published);
            assertThat(mvc.perform(get(POLICY)).andReturn().getResponse().getContentAsString()).isEqualTo(inForce);
        }

        @Test
        void aWindowChangeSaysItNeedsTheConfigurationAndARebuild() throws Exception {
            change("{\"competitorWindowDays\": 60}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message", containsString("rapport.health")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("rebuild")));
        }

        @Test
        void aChangeNeedsANoteAndSomeoneToMakeIt() throws Exception {
            mvc.perform(put(POLICY).contentType(MediaType.APPLICATION_JSON).header(ActingUser.HEADER, "lead")
                            .content("{\"changes\": {\"rePitchDays\": 150}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("note"));
            mvc.perform(put(POLICY).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"changes\": {\"rePitchDays\": 150}, \"note\": \"why not\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("staffId"));
        }
    }

    @Test
    void anEventThatHappenedBeforeOthersFoldsItsAccountAgain() {
        Instant opened = clock.instant().minus(Duration.ofDays(100));
        UUID account = openedKeyAccount(opened);
        connected(account, opened.plus(Duration.ofDays(10)));
        connected(account, opened.plus(Duration.ofDays(60)));
        await().atMost(Duration.ofSeconds(20)).until(() -> kept(account) == 3);
        competitorSeen(account, opened.plus(Duration.ofDays(30)));
        connected(account, opened.plus(Duration.ofDays(35)));
        await().atMost(Duration.ofSeconds(20)).until(() -> kept(account) == 5
                && states.state(account).orElseThrow().sightings().size() == 1);

        AccountState stored = states.state(account).orElseThrow();
        AccountState fresh = AccountState.fold(histories.of(account), Instant.MAX, policy);
        assertThat(STORED.writeValueAsString(stored)).isEqualTo(STORED.writeValueAsString(fresh));
        assertThat(row(account).get("score").asInt())
                .isEqualTo(HealthModel.assess(fresh, clock.instant(), policy).orElseThrow().score());
    }

    @Test
    void anAccountWhoseEventsCannotBeAppliedIsSetAsideVisiblyAndTheOthersGoOn() {
        UUID unstorable = UUID.randomUUID();
        // a name longer than the read model's column, as an event written straight into the store could hold
        recorded("Account", unstorable, new AccountOpened(unstorable, "A".repeat(300), Tier.KEY, new BigDecimal("1000"),
                "EUR", "alice", "UTC", null, clock.instant()));
        UUID fine = openedKeyAccount(clock.instant());

        await().atMost(Duration.ofSeconds(20)).until(() -> row(fine) != null
                && deadLetters.count(AccountProjection.PROCESSOR) == 1);
        assertThat(row(unstorable)).isNull();
        assertThat(kept(unstorable)).as("nothing of it half-written").isZero();
        assertThat(deadLetters.list(AccountProjection.PROCESSOR, 10)).singleElement()
                .satisfies(letter -> assertThat(letter.account()).isEqualTo(unstorable));
        // a later event is kept, to be folded in once the one set aside is retried after a fix
        connected(unstorable, clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> kept(unstorable) == 1);
        assertThat(row(unstorable)).isNull();
        assertThat(deadLetters.count(AccountProjection.PROCESSOR)).isEqualTo(1);
        jdbc.sql("DELETE FROM insights.dead_letter_entry").update();
    }

    @Test
    void aRebuildGivesTheSameAnswersToEveryReadWhileAnsweringAndPublishesNothing() throws Exception {
        UUID quiet = openedKeyAccount(clock.instant().minus(Duration.ofDays(200)));
        connected(quiet, clock.instant().minus(Duration.ofDays(100)));
        UUID tended = openedKeyAccount(clock.instant().minus(Duration.ofDays(100)));
        connected(tended, clock.instant().minus(Duration.ofDays(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(quiet) != null && row(tended) != null
                && row(quiet).get("daysSinceContact").asLong() == 100 && row(tended).get("daysSinceContact").asLong() == 2);
        UUID lost = openedKeyAccount(clock.instant().minus(Duration.ofDays(300)));
        raisedAndAddressedANeed(lost, clock.instant().minus(Duration.ofDays(250)), clock.instant().minus(Duration.ofDays(200)));
        raisedANeed(tended, clock.instant().minus(Duration.ofDays(50)));
        events.publish(new GenericDomainEventMessage<>("Account", lost.toString(), 1,
                new AccountLost(lost, LossReason.PRICE, "Globex", null, clock.instant().minus(Duration.ofDays(20)))));
        await().atMost(Duration.ofSeconds(20)).until(() -> kept(lost) == 4 && kept(tended) == 3);
        clock.advance(Duration.ofSeconds(5));
        portfolio.workOutNotedAccounts();
        long bandChanges = published(tended, "HealthBandChanged");
        List<JsonNode> before = List.of(row(quiet), row(tended));
        List<JsonNode> answersBefore = everyRead(tended);
        long publishedBefore = jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry").query(Long.class).single();

        StreamingEventProcessor processor = processing
                .eventProcessor(AccountProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(rebuild.inProgress()).isTrue();
        assertThat(List.of(row(quiet), row(tended))).as("still answering").containsExactlyElementsOf(before);
        processor.start();

        rebuildIsDone();
        assertThat(Stream.of(row(quiet), row(tended)).map(ReassessmentTest::apartFromItsMoment))
                .containsExactlyElementsOf(before.stream().map(ReassessmentTest::apartFromItsMoment).toList());
        List<JsonNode> answersAfter = everyRead(tended);
        for (int read = 0; read < answersBefore.size(); read++) {
            assertThat(answersAfter.get(read)).as(READS.get(read)).isEqualTo(answersBefore.get(read));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry").query(Long.class).single())
                .isEqualTo(publishedBefore);
        // what was published before is known again: the next change is published as a change from it
        clock.advance(Duration.ofDays(60));
        reassessment.reassessDue();
        assertThat(published(tended, "HealthBandChanged")).isEqualTo(bandChanges + 1);
    }

    @Test
    void whatChangedWhileRebuildingIsPublishedByTheNextRoundOnce() {
        StreamingEventProcessor processor = processing
                .eventProcessor(AccountProjection.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        UUID account = openedKeyAccount(clock.instant());
        connected(account, clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> kept(account) == 2);
        rebuildIsDone();
        assertThat(published(account, "HealthBandChanged")).as("nothing published while rebuilding").isZero();

        reassessment.reassessDue();
        reassessment.reassessDue();

        assertThat(published(account, "HealthBandChanged")).isEqualTo(1);
        assertThat(row(account).get("band").asString()).isEqualTo("HEALTHY");
    }

    @Test
    void theDaysOfAnAccountRecordedAfterTheFactCountAsIfRecordedLive() {
        Instant today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        portfolio.startTheComingDay();
        // what other accounts recorded after the fact added to the kept days is worked out first
        clock.advance(Duration.ofSeconds(5));
        portfolio.workOutNotedAccounts();
        List<Instant> days = List.of(today.minus(Duration.ofDays(21)), today.minus(Duration.ofDays(19)), today);
        List<PortfolioFigures> before = portfolio.at(days);
        UUID imported = openedKeyAccount(today.minus(Duration.ofDays(20)).plus(Duration.ofHours(10)));
        connected(imported, today.minus(Duration.ofDays(5)));
        UUID live = openedKeyAccount(clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> row(imported) != null && row(live) != null && kept(imported) == 2);
        clock.advance(Duration.ofSeconds(5));
        portfolio.workOutNotedAccounts();

        List<PortfolioFigures> after = portfolio.at(days);
        assertThat(after.get(0).accounts()).as("before either was opened").isEqualTo(before.get(0).accounts());
        assertThat(after.get(1).accounts()).isEqualTo(before.get(1).accounts() + 1);
        assertThat(after.get(1).bands().get(HealthBand.HEALTHY)).isEqualTo(before.get(1).bands().get(HealthBand.HEALTHY) + 1);
        assertThat(after.get(2).accounts()).as("the other opened later today").isEqualTo(before.get(2).accounts() + 1);

        clock.advance(Duration.ofDays(1));
        portfolio.startTheComingDay();
        assertThat(portfolio.at(clock.instant()).accounts()).as("tomorrow both count").isEqualTo(before.get(2).accounts() + 2);
    }

    @Test
    void theRowKeepsTheRunwayAndThePortfolioFindsAndSortsTheAccountsByIt() throws Exception {
        Instant now = clock.instant();
        // KEY accounts are flagged once 30 days pass without a connected contact
        UUID soon = openedKeyAccount(now.minus(Duration.ofDays(60)));
        connected(soon, now.minus(Duration.ofDays(20)));
        UUID later = openedKeyAccount(now.minus(Duration.ofDays(60)));
        connected(later, now.minus(Duration.ofDays(2)));
        UUID already = openedKeyAccount(now.minus(Duration.ofDays(60)));
        connected(already, now.minus(Duration.ofDays(40)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Stream.of(soon, later, already)
                .allMatch(account -> row(account) != null && row(account).get("daysSinceContact").asLong() < 60));

        Instant soonFlagged = now.minus(Duration.ofDays(20)).plus(Duration.ofDays(31));
        assertThat(Instant.parse(row(soon).get("runway").get("flaggedAt").asString())).isEqualTo(soonFlagged);
        assertThat(row(soon).get("runway").get("days").asLong()).isEqualTo(11);
        assertThat(row(soon).get("runway").get("because").asString()).isEqualTo("topAccountOverdue");
        assertThat(row(already).get("runway").get("days").asLong()).as("flagged already").isZero();
        assertThat(jdbc.sql("SELECT flagged_because FROM insights.account_health WHERE account_id = :id")
                .param("id", soon).query(String.class).single()).isEqualTo("topAccountOverdue");

        mvc.perform(get("/api/insights/health?runwayWithin=P15D&size=200"))
                .andExpect(jsonPath("$.items[*].accountId", hasItem(soon.toString())))
                .andExpect(jsonPath("$.items[*].accountId", not(hasItem(later.toString()))))
                .andExpect(jsonPath("$.items[*].accountId", not(hasItem(already.toString()))));
        mvc.perform(get("/api/insights/health?runwayWithin=P30D&size=200"))
                .andExpect(jsonPath("$.items[*].accountId", hasItem(later.toString())));
        List<String> soonestFirst = new ArrayList<>();
        STORED.readTree(mvc.perform(get("/api/insights/health?sort=RUNWAY&size=200")).andReturn().getResponse()
                .getContentAsString()).get("items").forEach(item -> soonestFirst.add(item.get("accountId").asString()));
        assertThat(soonestFirst).containsSubsequence(already.toString(), soon.toString(), later.toString());
        for (String refused : List.of("P0D", "-P1D", "P366D", "soon")) {
            mvc.perform(get("/api/insights/health").param("runwayWithin", refused))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("runwayWithin"));
        }

        // as of a moment asked about, the runway is worked out from then
        mvc.perform(get("/api/insights/accounts/{id}/health", soon).param("asOf", soonFlagged.minus(Duration.ofDays(5)).toString()))
                .andExpect(jsonPath("$.runway.days").value(5))
                .andExpect(jsonPath("$.runway.because").value("topAccountOverdue"));
        // and once the day comes, the scheduled round finds it flagged
        clock.advance(Duration.ofDays(12));
        reassessment.reassessDue();
        assertThat(row(soon).get("flagged").asBoolean()).isTrue();
        assertThat(row(soon).get("runway").get("days").asLong()).isZero();
    }
}
