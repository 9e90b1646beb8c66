package com.rapport.insights.feed;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rapport.events.PublishedEvent;
import com.rapport.events.PublishedLanguage;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.HealthPolicyChanged;
import com.rapport.events.insights.RiskSignalRaised;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.WinBackChance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated schemas describe what the feed serves, and refuse what it does not. */
class EventSchemasTest {

    private static final EventSchemas SCHEMAS = new EventSchemas();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    static Stream<PublishedEvent> published() {
        UUID account = UUID.randomUUID();
        return Stream.of(
                new AccountOpened(account, "Acme", Tier.KEY, new BigDecimal("1200.50"), "EUR", "alice", "UTC", null, NOW),
                new LostClientInterviewRecorded(UUID.randomUUID(), account, LossReason.PRICE, List.of(LossReason.NEGLECT),
                        null, "Called before renewal", WinBackChance.LOW, "alice", NOW),
                new HealthBandChanged(account, null, HealthBand.WATCH, 60, List.of("No two-way contact in 40 days"), NOW),
                new ContactLogged(UUID.randomUUID(), account, Channel.CALL, ContactOutcome.CONNECTED, Direction.INBOUND,
                        "bob", StaffRole.SUPPORT, Agenda.SUPPORT, "Asked about invoices", 12, NOW),
                new RiskSignalRaised(account, "competitorSighted", "Globex was seen at the client 10 days ago",
                        Map.of("daysSinceSighting", 10L), "Globex", NOW),
                new HealthPolicyChanged(1, Map.of("cadenceDays", Map.of("KEY", 21), "neglectMultiplier", 1.5), NOW,
                        "lead", "Key accounts drifted between calls"));
    }

    private static Set<ValidationMessage> validate(String type, String json) throws Exception {
        return validate(SCHEMAS.of(type).orElseThrow(), json);
    }

    private static Set<ValidationMessage> validate(EventSchemas.Described described, String json) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(described.schema());
        return schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    }

    private static String typeOf(PublishedEvent event) {
        return PublishedLanguage.describe(event.getClass()).orElseThrow().name();
    }

    @Test
    void everyPublishedEventTypeHasASchema() {
        assertThat(SCHEMAS.all()).hasSize(PublishedLanguage.eventTypes().stream()
                .mapToInt(type -> PublishedLanguage.describe(type).orElseThrow().revision()).sum());
        assertThat(SCHEMAS.of("rapport.outreach.contact-logged").orElseThrow().schema())
                .contains("\"$schema\"", "2020-12", "\"channel\"", "\"CALL\"", "\"date-time\"");
    }

    @Test
    void aTypeIsDescribedInItsLatestRevisionUnlessAnOlderOneIsAskedFor() {
        EventSchemas.Described latest = SCHEMAS.of("rapport.outreach.contact-logged").orElseThrow();
        EventSchemas.Described first = SCHEMAS.of("rapport.outreach.contact-logged", 1).orElseThrow();

        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.latest()).isTrue();
        assertThat(latest.schema()).contains("\"durationMinutes\"", "urn:rapport.outreach.contact-logged:2");
        assertThat(first.latest()).isFalse();
        assertThat(first.schema()).doesNotContain("durationMinutes").contains("\"note\"", "urn:rapport.outreach.contact-logged:1");
        assertThat(SCHEMAS.of("rapport.outreach.contact-logged", 3)).isEmpty();
    }

    /** What revision 1 stored validates against revision 1; what revision 2 adds is refused by it. */
    @Test
    void eachRevisionsSchemaDescribesThatRevisionsShape() throws Exception {
        EventSchemas.Described first = SCHEMAS.of("rapport.outreach.contact-logged", 1).orElseThrow();
        ContactLogged logged = new ContactLogged(UUID.randomUUID(), UUID.randomUUID(), Channel.MEETING,
                ContactOutcome.CONNECTED, Direction.OUTBOUND, "alice", StaffRole.EXECUTIVE, Agenda.REVIEW, null, 40, NOW);
        String storedInRevision1 = """
                {"contactId":"%s","accountId":"%s","channel":"CALL","outcome":"VOICEMAIL","direction":"OUTBOUND",\
                "staffId":"alice","staffRole":"SALES","agenda":"CHECK_IN","note":null,"occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), NOW);

        assertThat(validate(first, storedInRevision1)).isEmpty();
        assertThat(validate(first, JSON.writeValueAsString(logged))).isNotEmpty();
        assertThat(validate("rapport.outreach.contact-logged", JSON.writeValueAsString(logged))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("published")
    void whatIsPublishedMatchesItsSchema(PublishedEvent event) throws Exception {
        assertThat(validate(typeOf(event), JSON.writeValueAsString(event))).isEmpty();
    }

    @Test
    void aSchemaRefusesWhatIsNotPublished() throws Exception {
        assertThat(validate("rapport.accounts.account-opened", "{\"accountId\": 42, \"tier\": \"GOLD\"}")).isNotEmpty();
    }
}
