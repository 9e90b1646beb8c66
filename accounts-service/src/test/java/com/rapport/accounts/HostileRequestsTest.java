package com.rapport.accounts;

import com.rapport.accounts.directory.AccountDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What must never reach an account or the directory: text no read model can store, a time out of
 * the permitted years, a value sent as something else. Each is a 400 naming the field, and no
 * command is sent, no query run.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "com\\.rapport\\.accounts\\.(account\\.Account|directory\\.Directory)Controller"))
class HostileRequestsTest {

    private static final String OPENING = """
            {"name": %s, "tier": "KEY", "annualValue": %s, "currency": "EUR", "ownerId": "alice", %s}""";

    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    AccountDirectory directory;

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder opening(String name, String annualValue, String more) {
        return post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .content(OPENING.formatted(name, annualValue, more.isEmpty() ? "\"timezone\": \"UTC\"" : more));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(opening("\"Acme\\u0000Ltd\"", "120000", ""), "name", "StorableText"),
                arguments(opening("\"Acme\\ud800Ltd\"", "120000", ""), "name", "StorableText"),
                arguments(opening("\"Acme\"", "120000", "\"occurredAt\": \"-1000000000-01-01T00:00:00Z\""), "occurredAt", "TimeRange"),
                arguments(opening("\"Acme\"", "120000", "\"occurredAt\": 1e308"), "occurredAt", "Type"),
                arguments(opening("\"Acme\"", "\"120000\"", ""), "annualValue", "Type"),
                arguments(opening("\"Acme\"", "120000", "\"cadenceDays\": 21.5"), "cadenceDays", "Format"),
                arguments(opening("\"Acme\"", "120000", "\"name\": \"Other\""), "name", "NoDuplicate"),
                arguments(post("/api/accounts/{id}/loss", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"PRICE\", \"note\": \"\\u001b[2J\"}"), "note", "StorableText"),
                arguments(get("/api/accounts").param("q", "\u0000"), "q", "StorableText"),
                arguments(get("/api/accounts").param("owner", "al\uDC00ice"), "owner", "StorableText"));
    }

    @ParameterizedTest(name = "{0}: 400 on {1} ({2})")
    @MethodSource
    void refused(MockHttpServletRequestBuilder request, String field, String rule) throws Exception {
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
        verifyNoInteractions(commands, directory);
    }

    @Test
    void anOpeningAsTheContractWritesItIsSent() throws Exception {
        mvc.perform(opening("\"Acme \\u00e9\\t\\ud83d\\ude80\"", "120000.50", "\"occurredAt\": \"2026-01-31T09:30:00Z\""))
                .andExpect(status().isCreated());
        verify(commands).sendAndWait(any());
    }

    @AfterEach
    void forgetWhatWasSent() {
        clearInvocations(commands, directory);
    }
}
