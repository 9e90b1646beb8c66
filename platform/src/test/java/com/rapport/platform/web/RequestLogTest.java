package com.rapport.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One line per request, plain by default and JSON when RAPPORT_LOG_FORMAT says so. Each test
 * starts an application, as a service does, so that the platform's defaults configure logging.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run(arguments);
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader(RequestIdFilter.HEADER, "req-42");
        request.addHeader(ActingUser.HEADER, "alice");
        return request;
    }

    private static void answer(MockHttpServletRequest request, Filter handler) throws Exception {
        new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
        }, new RequestIdFilter(), new RequestLog(), handler).doFilter(request, new MockHttpServletResponse());
    }

    private static Filter answering(int status) {
        return (request, response, chain) -> ((HttpServletResponse) response).setStatus(status);
    }

    private static List<String> linesContaining(CapturedOutput output, String text) {
        return Arrays.stream(output.getOut().split("\\R")).filter(line -> line.contains(text)).toList();
    }

    @Test
    void logsMethodPathStatusRequestIdAndPrincipalOnAPlainLine(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext ignored = start()) {
            answer(request("POST", "/api/accounts"), answering(201));
        }

        assertThat(linesContaining(output, "POST /api/accounts"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .containsPattern("\\[req-42\\].*POST /api/accounts 201 \\d+ ms requestId=req-42 user=alice"));
    }

    @Test
    void logsAFailedRequestAsA500(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext ignored = start()) {
            assertThatThrownBy(() -> answer(request("GET", "/api/broken"), (request, response, chain) -> {
                throw new ServletException("no handler could answer");
            })).isInstanceOf(ServletException.class);
        }

        assertThat(linesContaining(output, "GET /api/broken")).singleElement()
                .satisfies(line -> assertThat(line).contains("GET /api/broken 500"));
    }

    @Test
    void writesJsonLinesCarryingTheRequestIdWhenRapportLogFormatIsSet(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext ignored = start("--RAPPORT_LOG_FORMAT=ecs")) {
            answer(request("GET", "/api/accounts/7"), answering(200));
        }

        String line = linesContaining(output, "GET /api/accounts/7").get(0);
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).startsWith("GET /api/accounts/7 200");
        assertThat(json.get("requestId").asString()).isEqualTo("req-42");
        assertThat(json.get("principal").asString()).isEqualTo("alice");
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("log").get("logger").asString()).isEqualTo(RequestLog.LOGGER);
    }
}
