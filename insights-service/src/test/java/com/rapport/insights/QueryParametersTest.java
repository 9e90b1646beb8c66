package com.rapport.insights;

import com.rapport.insights.account.AccountStates;
import com.rapport.insights.assessment.Assessments;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.UnchangedPolicies;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.losses.LossRows;
import com.rapport.insights.portfolio.LivePortfolio;
import com.rapport.insights.portfolio.PortfolioDays;
import com.rapport.insights.portfolio.PortfolioFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Insights' questions take times, steps and text in their query parameters: each is bounded, and
 * a request that breaks a bound is a 400 naming the parameter before any history is read.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "com\\.rapport\\.insights\\.(portfolio\\.Portfolio|losses\\.Loss|assessment\\.Health|assessment\\.ScoreMovement)Controller"))
class QueryParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TestConfiguration
    static class Insights {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        Policies policies() {
            return UnchangedPolicies.of(HealthPolicy.defaults());
        }
    }

    @MockitoBean
    AccountHistories histories;
    @MockitoBean
    AccountStates states;
    @MockitoBean
    Assessments assessments;
    @MockitoBean
    LivePortfolio live;
    @MockitoBean
    PortfolioDays days;
    @MockitoBean
    LossRows losses;

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> refused() {
        String trend = "/api/insights/portfolio/trend";
        String losses = "/api/insights/losses";
        String health = "/api/insights/accounts/" + UUID.randomUUID() + "/health";
        String movement = health + "/movement";
        return Stream.of(
                arguments(get(trend).param("to", "-1000000000-01-01T00:00:00Z"), "to", "TimeRange"),
                arguments(get(trend).param("from", "+1000000000-01-01T00:00:00Z"), "from", "TimeRange"),
                arguments(get(trend).param("to", "1700000000"), "to", "Format"),
                arguments(get(trend).param("from", "1e308"), "from", "Format"),
                arguments(get(trend).param("step", "P9999999999999D"), "step", "TimeRange"),
                arguments(get(trend).param("step", "PT59M"), "step", "Min"),
                arguments(get(trend).param("step", "-P1D"), "step", "Min"),
                arguments(get(trend).param("from", "2026-02-01T00:00:00Z").param("to", "2026-01-01T00:00:00Z"), "from", "BeforeTo"),
                arguments(get(trend).param("to", "2026-03-02T00:00:00Z"), "to", "NotInFuture"),
                arguments(get(trend).param("from", "2025-11-01T00:00:00Z").param("to", "2026-03-01T00:00:00Z"), "step", "Points"),
                arguments(get(trend).param("from", "1900-01-01T00:00:00Z").param("step", "P1D"), "step", "Points"),
                arguments(get("/api/insights/portfolio").param("asOf", "-1000000000-01-01T00:00:00Z"), "asOf", "TimeRange"),
                arguments(get(losses).param("to", "-1000000000-01-01T00:00:00Z"), "to", "TimeRange"),
                arguments(get(losses).param("from", "2201-01-01T00:00:00Z"), "from", "TimeRange"),
                arguments(get(losses).param("from", "2026-02-01T00:00:00Z").param("to", "2026-01-01T00:00:00Z"), "from", "BeforeTo"),
                arguments(get(health).param("asOf", "-1000000000-01-01T00:00:00Z"), "asOf", "TimeRange"),
                arguments(get(health).param("asOf", "1700000000000"), "asOf", "Format"),
                arguments(get(movement).param("to", "-1000000000-01-01T00:00:00Z"), "to", "TimeRange"),
                arguments(get(movement).param("from", "1e308"), "from", "Format"),
                arguments(get(movement).param("to", "2026-03-02T00:00:00Z"), "to", "NotInFuture"),
                arguments(get(movement).param("from", "2026-02-01T00:00:00Z").param("to", "2026-01-01T00:00:00Z"), "from", "BeforeTo"),
                arguments(get("/api/insights/health").param("owner", "alice\u0000"), "owner", "StorableText"),
                arguments(get("/api/insights/health").param("owner", "\uD800"), "owner", "StorableText"));
    }

    @ParameterizedTest(name = "{0}: 400 on {1} ({2})")
    @MethodSource
    void refused(MockHttpServletRequestBuilder request, String field, String rule) throws Exception {
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
        verifyNoInteractions(histories, states, assessments, live, days, losses);
    }

    static Stream<Arguments> answered() {
        String trend = "/api/insights/portfolio/trend";
        return Stream.of(
                arguments(get(trend), 91),
                arguments(get(trend).param("from", "2024-03-01T12:00:00Z").param("step", "P7D"), 105),
                arguments(get(trend).param("from", "2025-11-02T12:00:00Z").param("step", "P1D"), 120),
                arguments(get(trend).param("from", "1900-01-01T00:00:00Z").param("to", "1900-01-02T00:00:00Z").param("step", "PT1H"), 25),
                arguments(get(trend).param("from", "1900-01-01T00:00:00Z").param("step", "P109938D"), 1));
    }

    @ParameterizedTest(name = "{0}: {1} points")
    @MethodSource
    void answered(MockHttpServletRequestBuilder request, int points) throws Exception {
        when(days.at(anyList())).thenAnswer(asked -> ((List<?>) asked.getArgument(0)).stream()
                .map(moment -> new PortfolioFigures((Instant) moment, 0, Map.of(), 0, List.of(), List.of()))
                .toList());
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(points));
    }

    @AfterEach
    void forgetWhatWasAsked() {
        clearInvocations(histories, states, assessments, live, days, losses);
    }
}
