package com.rapport.insights.losses;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;

/** The names the dashboard relies on. */
class LossReportJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theReportAndItsItemsAreShapedAsTheContractSays() {
        Loss loss = new Loss(UUID.fromString("a11ce000-0000-4000-8000-000000000001"), "Acme Corp", "alice", Tier.KEY,
                new BigDecimal("250000"), "EUR", day(100), LossReason.PRICE, "Globex", true, day(110),
                WinBackChance.LOW, day(56), Flag.NEGLECTED, 44L, null);

        JsonNode report = json.valueToTree(LossReport.of(List.of(loss), new Window(day(0), day(365))));

        assertThat(report.propertyNames()).containsExactlyInAnyOrder("from", "to", "items", "page", "size", "total",
                "byReason", "byCompetitor", "interviewCoverage", "flaggedShare", "medianLeadTimeDays");
        JsonNode item = report.get("items").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("accountId", "name", "ownerId", "tier", "annualValue",
                "currency", "lostAt", "primaryReason", "competitor", "interviewed", "interviewedAt", "winBackChance",
                "firstFlaggedAt", "flaggedAs", "leadTimeDays", "wonBackAt");
        assertThat(item.get("lostAt").asString()).isEqualTo("2025-04-16T09:00:00Z");
        assertThat(item.get("flaggedAs").asString()).isEqualTo("NEGLECTED");
        assertThat(item.get("wonBackAt").isNull()).isTrue();
        assertThat(report.get("byReason").get("PRICE").asLong()).isEqualTo(1);
        assertThat(report.get("interviewCoverage").decimalValue()).isEqualByComparingTo("1");
    }
}
