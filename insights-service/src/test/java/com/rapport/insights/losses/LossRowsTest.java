package com.rapport.insights.losses;

import com.rapport.insights.AccountHistory;
import com.rapport.insights.ReadModels;
import com.rapport.insights.account.Tables;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.policy.UnchangedPolicies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static com.rapport.events.account.LossReason.COMPETITOR_OFFER;
import static com.rapport.events.account.LossReason.PRICE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;

/** The loss report read from the losses' own rows says what the analysis of every history says, a page at a time. */
class LossRowsTest {

    private static final Window YEAR = new Window(day(0), day(365));

    private final List<AccountHistory> accounts = List.of(
            AccountHistory.opened("Acme", KEY, day(0)).connected(day(10)).lost(day(100)),
            AccountHistory.opened("Globex", KEY, day(0)).connected(day(10)).lost(day(86)),
            AccountHistory.opened("Initech", KEY, day(0)).connected(day(10)).lost(COMPETITOR_OFFER, "Hooli", day(61)),
            AccountHistory.opened("Umbrella", KEY, day(0)).tended(0, 90).lost(PRICE, null, day(95)),
            AccountHistory.opened("Hooli", KEY, day(0)).connected(day(10)).lost(day(20)).wonBack(day(30))
                    .lost(day(400)),
            AccountHistory.opened("Stark", KEY, day(0)).tended(0, 90));
    private LossRows rows;

    @BeforeEach
    void judged() {
        JdbcClient jdbc = ReadModels.empty();
        rows = new LossRows(jdbc, JsonMapper.builder().build(), UnchangedPolicies.of(HealthPolicy.defaults()));
        accounts.forEach(account -> rows.judge(Tables.LIVE, account.accountId(), account.events()));
    }

    @Test
    void aPageAndTheTotalsAreWhatTheAnalysisOfEveryHistorySays() {
        LossReport analysed = new LossAnalysis(HealthPolicy.defaults())
                .report(accounts.stream().map(AccountHistory::events), YEAR);

        LossReport read = rows.report(YEAR, 0, 100);

        assertThat(read).usingRecursiveComparison().ignoringFields("size").isEqualTo(analysed);
        assertThat(read.total()).isEqualTo(5);
    }

    @Test
    void pagesNewestFirstWithTheTotalsOfTheWholeWindow() {
        LossReport second = rows.report(YEAR, 1, 2);

        assertThat(second.items()).extracting(Loss::name).containsExactly("Globex", "Initech");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.flaggedShare()).isEqualByComparingTo(rows.report(YEAR, 0, 100).flaggedShare());
        assertThat(second.medianLeadTimeDays()).isEqualByComparingTo(rows.report(YEAR, 0, 100).medianLeadTimeDays());
    }

    @Test
    void judgingAnAccountAgainReplacesItsLosses() {
        AccountHistory acme = accounts.get(0);
        rows.judge(Tables.LIVE, acme.accountId(), acme.events());

        assertThat(rows.report(YEAR, 0, 100).total()).isEqualTo(5);
    }
}
