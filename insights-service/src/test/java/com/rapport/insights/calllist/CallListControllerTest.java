package com.rapport.insights.calllist;

import com.rapport.events.AccountEvent;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.UnchangedPolicies;
import com.rapport.insights.history.AccountHistories;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/insights/call-list}: the contract's shape, its defaults, and a 400 naming the field for bad input. */
@WebMvcTest(CallListController.class)
class CallListControllerTest {

    /** Day 100 of the histories, in the afternoon: 16 Apr 2025. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-16T15:00:00Z"), ZoneOffset.UTC);
    private static final String URL = "/api/insights/call-list";

    @TestConfiguration
    static class Accounts {

        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        Policies policies() {
            return UnchangedPolicies.of(HealthPolicy.defaults());
        }

        @Bean
        CallListRules rules() {
            return CallListRules.defaults();
        }

        private static final Map<UUID, List<AccountEvent>> SERVED = served(
                AccountHistory.of("Neglected").worth(250_000),
                AccountHistory.of("Strategic").tier(STRATEGIC).worth(900_000).connected(day(92)),
                AccountHistory.of("Bob's").ownedBy("bob"));

        @Bean
        AccountHistories histories() {
            return new AccountHistories(null, null, null) {
                @Override
                public List<AccountEvent> of(UUID accountId) {
                    return SERVED.get(accountId);
                }
            };
        }

        /** Each account as insights keeps it: folded to its latest event. */
        @Bean
        AccountStates states() {
            return new AccountStates(null, null) {
                @Override
                public List<AccountState> ownedBy(String ownerId) {
                    return SERVED.values().stream()
                            .map(history -> AccountState.fold(history, Instant.MAX, HealthPolicy.defaults()))
                            .filter(state -> ownerId.equals(state.ownerId()))
                            .toList();
                }
            };
        }

        private static Map<UUID, List<AccountEvent>> served(AccountHistory... accounts) {
            Map<UUID, List<AccountEvent>> byId = new LinkedHashMap<>();
            Stream.of(accounts).forEach(account -> byId.put(account.accountId(), account.events()));
            return byId;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void answersTheOwnersListInTheContractsShape() throws Exception {
        String body = mvc.perform(get(URL).param("owner", "alice").param("date", "2025-04-16"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode list = JsonMapper.builder().build().readTree(body);
        assertThat(list.propertyNames()).containsExactly("ownerId", "date", "items");
        assertThat(list.get("ownerId").asString()).isEqualTo("alice");
        assertThat(list.get("date").asString()).isEqualTo("2025-04-16");
        assertThat(list.get("items")).hasSize(2);
        JsonNode first = list.get("items").get(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("accountId", "name", "tier", "annualValue",
                "currency", "timezone", "kind", "reason", "agenda", "priority", "score", "band", "neglected", "signals",
                "runwayDays");
        assertThat(first.get("name").asString()).isEqualTo("Neglected");
        assertThat(first.get("kind").asString()).isEqualTo("SLIPPING");
        assertThat(first.get("timezone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(first.get("annualValue").decimalValue()).isEqualByComparingTo("250000");
        assertThat(first.get("neglected").asBoolean()).isTrue();
        assertThat(list.get("items").get(1).get("kind").asString()).isEqualTo("WEEKLY_CHECK_IN");
    }

    @Test
    void theDateIsTodayInUtcUnlessGiven() throws Exception {
        mvc.perform(get(URL).param("owner", "alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2025-04-16"))
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void aPastDateIsAnsweredAsOfThatDay() throws Exception {
        mvc.perform(get(URL).param("owner", "alice").param("date", "2025-01-20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2025-01-20"))
                .andExpect(jsonPath("$.items[0].name").value("Strategic"))
                .andExpect(jsonPath("$.items[0].kind").value("SLIPPING"))
                .andExpect(jsonPath("$.items[1].name").value("Neglected"))
                .andExpect(jsonPath("$.items[1].kind").value("WEEKLY_CHECK_IN"));
    }

    @Test
    void sizeCutsTheList() throws Exception {
        mvc.perform(get(URL).param("owner", "alice").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Neglected"));
    }

    @Test
    void anOwnerWithoutAccountsHasAnEmptyList() throws Exception {
        mvc.perform(get(URL).param("owner", "carol"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value("carol"))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @ParameterizedTest(name = "{0}: 200")
    @CsvSource({"2026-04-16", "2024-04-16"})
    void aDateUpToAYearAwayIsAnswered(String date) throws Exception {
        mvc.perform(get(URL).param("owner", "alice").param("date", date)).andExpect(status().isOk());
    }

    @ParameterizedTest(name = "?{0}: 400 on {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "                                  | owner | NotNull",
            "owner=                            | owner | StaffId",
            "owner=al ice                      | owner | StaffId",
            "owner=alice&date=16-04-2025       | date  | Format",
            "owner=alice&date=2025-02-30       | date  | Format",
            "owner=alice&date=1899-12-31       | date  | TimeRange",
            "owner=alice&date=+999999999-12-31 | date  | TimeRange",
            "owner=alice&date=2026-04-17       | date  | WithinAYear",
            "owner=alice&date=2024-04-15       | date  | WithinAYear",
            "owner=alice&size=0                | size  | Min",
            "owner=alice&size=101              | size  | Max",
            "owner=alice&size=ten              | size  | Type"})
    void badInputIsA400NamingTheField(String query, String field, String rule) throws Exception {
        mvc.perform(get(URL + "?" + (query == null ? "" : query)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }
}
