package com.rapport.insights.calibration;

import com.rapport.events.AccountEvent;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.UnchangedPolicies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static com.rapport.insights.AccountHistory.day;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/insights/policy/proposal}: the proposal beside the policy in force, each with its backtest. */
@WebMvcTest(CalibrationController.class)
@Import(CalibrationControllerTest.Firm.class)
class CalibrationControllerTest {

    private static final String URL = "/api/insights/policy/proposal";

    @TestConfiguration
    static class Firm {

        @Bean
        Clock clock() {
            return Clock.fixed(day(800), ZoneOffset.UTC);
        }

        @Bean
        Policies policies() {
            return UnchangedPolicies.of(HealthPolicy.defaults());
        }

        /** Ten accounts lost with a competitor at the door for five months, twenty tended and kept. */
        @Bean
        AccountHistories histories() {
            return new AccountHistories(null, null, null) {
                @Override
                public Stream<List<AccountEvent>> everyAccount() {
                    return CalibrationTest.firmLosingToCompetitors(10, 20).stream();
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void proposesAPolicyFittedToTheLossesBesideThePolicyInForce() throws Exception {
        mvc.perform(get(URL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enough").value(true))
                .andExpect(jsonPath("$.why").value(startsWith("Fitted to 10 losses")))
                .andExpect(jsonPath("$.method").value(containsString("logistic regression")))
                .andExpect(jsonPath("$.coefficients.competitorPressure").isNumber())
                .andExpect(jsonPath("$.changes.weights.COMPETITOR_PRESSURE").isNumber())
                .andExpect(jsonPath("$.changes.watchFrom").isNumber())
                .andExpect(jsonPath("$.changes.signals.off").isArray())
                .andExpect(jsonPath("$.current.policy.watchFrom").value(50))
                .andExpect(jsonPath("$.current.backtest.foreseeable.losses").value(10))
                .andExpect(jsonPath("$.proposed.backtest.foreseeable.flagged").value(10));
    }

    @Test
    void aWindowWithTooFewLossesKeepsThePolicyInForce() throws Exception {
        mvc.perform(get(URL).param("from", day(0).toString()).param("to", day(450).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enough").value(false))
                .andExpect(jsonPath("$.why").value(startsWith("Only 3 losses")))
                .andExpect(jsonPath("$.changes").isEmpty())
                .andExpect(jsonPath("$.proposed.policy.watchFrom").value(50));
    }

    @Test
    void aBadWindowOrTargetIsA400NamingTheField() throws Exception {
        mvc.perform(get(URL).param("to", day(900).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get(URL).param("falseAlarms", "0.9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("falseAlarms"));
    }
}
