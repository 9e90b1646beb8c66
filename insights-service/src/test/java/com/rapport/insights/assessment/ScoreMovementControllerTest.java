package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.UnchangedPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.ACME_ID;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/insights/accounts/{id}/health/movement}: its shape, its defaults, a 400 naming the field, a 404. */
@WebMvcTest(ScoreMovementController.class)
class ScoreMovementControllerTest {

    /** Day 100 of the history: 16 Apr 2025, 09:00 UTC. */
    private static final Clock CLOCK = Clock.fixed(day(100), ZoneOffset.UTC);
    private static final String URL = "/api/insights/accounts/" + ACME_ID + "/health/movement";

    @TestConfiguration
    static class Account {

        private static final List<AccountEvent> HISTORY = AccountHistory.opened(KEY, day(0)).connected(day(10))
                .connected(day(60)).competitor("Globex", day(80)).voicemail(day(85)).events();

        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        Policies policies() {
            return UnchangedPolicies.of(HealthPolicy.defaults());
        }

        @Bean
        AccountHistories histories() {
            return new AccountHistories(null, null, null) {
                @Override
                public List<AccountEvent> of(UUID accountId) {
                    return ACME_ID.equals(accountId) ? HISTORY : List.of();
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void answersFactorByFactorWithTheEventsThatMovedTheScore() throws Exception {
        String body = mvc.perform(get(URL).param("from", day(50).toString()).param("to", day(90).toString()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode movement = JsonMapper.builder().build().readTree(body);
        assertThat(movement.propertyNames()).containsExactly("accountId", "from", "to", "scoreFrom", "scoreTo",
                "bandFrom", "bandTo", "weightedFrom", "weightedTo", "cappedFrom", "cappedTo", "factors", "steps", "time");
        assertThat(movement.get("from").asString()).isEqualTo(day(50).toString());
        assertThat(movement.get("factors")).hasSize(9);
        assertThat(movement.get("factors").get(0).propertyNames()).containsExactly("factor", "scoreFrom", "scoreTo",
                "weightFrom", "weightTo", "points", "reasonFrom", "reasonTo");
        assertThat(movement.get("steps")).hasSize(2);
        JsonNode contact = movement.get("steps").get(0);
        assertThat(contact.propertyNames()).containsExactly("occurredAt", "type", "id", "summary", "factors");
        assertThat(contact.get("type").asString()).isEqualTo("rapport.outreach.contact-logged");
        assertThat(contact.get("id").asString()).isNotBlank();
        assertThat(contact.get("factors").get(0).get("factor").asString()).isEqualTo("contactRecency");
        assertThat(contact.get("factors").get(0).get("points").asDouble()).isEqualTo(16.8);
        JsonNode sighting = movement.get("steps").get(1);
        assertThat(sighting.get("summary").asString()).isEqualTo("Competitor sighted: Globex");
        assertThat(sighting.get("factors").get(0).get("points").asDouble()).isEqualTo(-4.0);
        assertThat(movement.get("time").get(0).propertyNames()).containsExactly("factor", "points");
    }

    @Test
    void theRangeIsTheLast30DaysUnlessGiven() throws Exception {
        mvc.perform(get(URL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(day(70).toString()))
                .andExpect(jsonPath("$.to").value(day(100).toString()))
                .andExpect(jsonPath("$.steps.length()").value(1))
                .andExpect(jsonPath("$.steps[0].type").value("rapport.outreach.competitor-sighted"));
    }

    @Test
    void aRangeFromBeforeTheOpeningStartsAtTheOpening() throws Exception {
        mvc.perform(get(URL).param("from", day(-20).toString()).param("to", day(20).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(day(0).toString()))
                .andExpect(jsonPath("$.steps").isEmpty());
    }

    @Test
    void anUnknownAccountIsA404() throws Exception {
        mvc.perform(get("/api/insights/accounts/" + UUID.randomUUID() + "/health/movement"))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "?{0}: 400 on {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "to=2025-04-17T09:00:00Z                             | to   | NotInFuture",
            "from=2025-03-01T09:00:00Z&to=2025-03-01T09:00:00Z   | from | BeforeTo",
            "from=2025-03-02T09:00:00Z&to=2025-03-01T09:00:00Z   | from | BeforeTo",
            "from=2025-04-17T09:00:00Z                           | from | BeforeTo",
            "from=2024-11-01T00:00:00Z&to=2024-12-01T00:00:00Z   | to   | NotBeforeOpening",
            "from=yesterday                                      | from | Format"})
    void badInputIsA400NamingTheField(String query, String field, String rule) throws Exception {
        mvc.perform(get(URL + "?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }
}
