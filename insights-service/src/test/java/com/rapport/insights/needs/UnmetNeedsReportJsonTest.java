package com.rapport.insights.needs;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;

/** The names the dashboard relies on. */
class UnmetNeedsReportJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePageItsItemsAndItsSummariesAreShapedAsTheContractSays() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10))
                .needIn("eu-hosting", "hosting", day(20)).needLostTo("eu-hosting", "Globex", day(60));

        JsonNode report = json.valueToTree(NeedReports.report(java.util.List.of(history), NeedStatus.OPEN, 0, 50, day(100)));

        assertThat(report.propertyNames()).containsExactlyInAnyOrder("items", "page", "size", "total", "byCategory",
                "lostToCompetitors");
        assertThat(report.get("items").get(0).propertyNames()).containsExactlyInAnyOrder("needId", "accountId",
                "accountName", "ownerId", "accountStatus", "category", "description", "raisedAt", "status", "ageDays",
                "endedAt", "competitor");
        assertThat(report.get("byCategory").get(0).propertyNames())
                .containsExactlyInAnyOrder("category", "open", "oldestOpenDays");
        assertThat(report.get("lostToCompetitors").get(0).propertyNames()).containsExactlyInAnyOrder("competitor", "needs");
        assertThat(report.get("items").get(0).get("raisedAt").asString()).isEqualTo("2025-01-16T09:00:00Z");
    }
}
