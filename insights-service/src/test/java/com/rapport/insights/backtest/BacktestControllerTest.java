package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.losses.PlainPolicies;
import com.rapport.insights.policy.CandidatePolicies;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.UnchangedPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET} and {@code POST /api/insights/backtest}: the policy in force or a candidate merged over it,
 * the whole history by default, and a 400 naming the field and the rule for bad input.
 */
@WebMvcTest(BacktestController.class)
@Import(CandidatePolicies.class)
class BacktestControllerTest {

    /** Day 400 of the histories. */
    private static final Clock CLOCK = Clock.fixed(day(400), ZoneOffset.UTC);
    private static final String URL = "/api/insights/backtest";

    @TestConfiguration
    static class Firm {

        @Bean
        Clock clock() {
            return CLOCK;
        }

        /** Bands and neglect only, so that a candidate's neglect multiplier is what moves the first flag. */
        @Bean
        Policies policies() {
            return UnchangedPolicies.of(PlainPolicies.bandAndNeglectOnly());
        }

        /** One key account, last heard of on day 10 and lost on day 96; one tended all along. */
        @Bean
        AccountHistories histories() {
            return new AccountHistories(null, null, null) {
                @Override
                public Stream<List<AccountEvent>> everyAccount() {
                    return Stream.of(AccountHistory.opened("Acme", KEY, day(0)).connected(day(10)).lost(day(96)),
                            AccountHistory.opened("Initech", KEY, day(0)).tended(0, 399)).map(AccountHistory::events);
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void replaysTheWholeHistoryUnderThePolicyInForce() throws Exception {
        mvc.perform(get(URL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("1900-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.to").value(day(400).toString()))
                .andExpect(jsonPath("$.policy.cadenceDays.KEY").value(30))
                .andExpect(jsonPath("$.losses[0].name").value("Acme"))
                .andExpect(jsonPath("$.losses[0].firstFlaggedAt").value(day(56).toString()))
                .andExpect(jsonPath("$.losses[0].flaggedAs").value("NEGLECTED"))
                .andExpect(jsonPath("$.losses[0].leadTimeDays").value(40))
                .andExpect(jsonPath("$.losses[0].foreseeable").value(true))
                .andExpect(jsonPath("$.foreseeable.flaggedShare").value(1.0))
                .andExpect(jsonPath("$.foreseeable.leadTimeDays.median").value(40))
                .andExpect(jsonPath("$.byTier.KEY.losses").value(1))
                .andExpect(jsonPath("$.byReason.NEGLECT.flagged").value(1))
                .andExpect(jsonPath("$.outside.reasons[0]").value("BUDGET_CUT"))
                .andExpect(jsonPath("$.outside.losses").value(0))
                // Initech: 1 Feb 2025 to 1 Feb 2026
                .andExpect(jsonPath("$.falseAlarms.assessments").value(13))
                .andExpect(jsonPath("$.falseAlarms.flagged").value(0))
                .andExpect(jsonPath("$.falseAlarms.byTier.KEY.share").value(0.0));
    }

    @Test
    void aWindowCountsTheLossesInIt() throws Exception {
        mvc.perform(get(URL).param("from", day(100).toString()).param("to", day(200).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(day(100).toString()))
                .andExpect(jsonPath("$.losses").isEmpty())
                .andExpect(jsonPath("$.foreseeable.losses").value(0))
                .andExpect(jsonPath("$.foreseeable.flaggedShare").isEmpty());
    }

    @Test
    void aCandidatePolicyIsTheOneInForceWithTheChangesGiven() throws Exception {
        // neglected past one cadence instead of one and a half: 31 days after day 10
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\": {\"neglectMultiplier\": 1, \"cadenceDays\": {\"CORE\": 60}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.neglectMultiplier").value(1.0))
                .andExpect(jsonPath("$.policy.cadenceDays.CORE").value(60))
                .andExpect(jsonPath("$.policy.cadenceDays.KEY").value(30))
                .andExpect(jsonPath("$.policy.healthyFrom").value(75))
                .andExpect(jsonPath("$.losses[0].firstFlaggedAt").value(day(41).toString()))
                .andExpect(jsonPath("$.losses[0].leadTimeDays").value(55));
    }

    @Test
    void aMapEntrySetToNullIsTakenAway() throws Exception {
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policy\": {\"faceTimeDays\": {\"KEY\": null}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.faceTimeDays.STRATEGIC").value(90))
                .andExpect(jsonPath("$.policy.faceTimeDays.KEY").doesNotExist());
    }

    @ParameterizedTest(name = "?{0}: 400 on {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "from=2025-06-01T00:00:00Z&to=2025-06-01T00:00:00Z | from | BeforeTo",
            "from=2026-06-01T00:00:00Z                         | from | BeforeTo",
            "to=2026-02-10T09:00:01Z                           | to   | NotInFuture",
            "from=yesterday                                    | from | Format",
            "to=1899-12-31T00:00:00Z                           | to   | TimeRange"})
    void aBadWindowIsA400NamingTheField(String query, String field, String rule) throws Exception {
        mvc.perform(get(URL + "?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    @ParameterizedTest(name = "{0}: 400 on {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "{}                                                        | policy                          | NotNull",
            "{\"policy\": 5}                                           | policy                          | Type",
            "{\"policy\": {\"rePitchDays\": \"30\"}}                   | policy.rePitchDays              | Type",
            "{\"policy\": {\"weights\": {\"MOMENTUM\": 2.5}}}          | policy.weights.MOMENTUM         | Format",
            "{\"policy\": {\"watchFrom\": 80}}                         | policy.watchFrom                | Consistent",
            "{\"policy\": {\"neglectMultiplier\": 1.5, \"atRiskFrom\": 0}} | policy.atRiskFrom          | Consistent",
            "{\"policy\": {\"cadenceDays\": {\"KEY\": 0}}}             | policy.cadenceDays.KEY          | Consistent",
            "{\"policy\": {}, \"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2025-01-01T00:00:00Z\"} | from | BeforeTo",
            "{\"policy\": {}, \"to\": \"2027-01-01T00:00:00Z\"}        | to                              | NotInFuture"})
    void aBadCandidateIsA400NamingTheFieldAndTheRule(String body, String field, String rule) throws Exception {
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }
}
