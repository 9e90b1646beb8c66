package com.rapport.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProblemsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("connection refused", new ConnectException("Connection refused"), "accounts-service",
                        503, "accounts-service is not reachable; try again shortly"),
                arguments("connect timeout", new ConnectTimeoutException("connection timed out"), "accounts-service",
                        503, "accounts-service is not reachable; try again shortly"),
                arguments("unknown host", new IllegalStateException(new UnknownHostException("accounts")),
                        "accounts-service", 503, "accounts-service is not reachable; try again shortly"),
                arguments("response timeout", new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                                "Response took longer than timeout: PT30S", new TimeoutException("late")),
                        "insights-service", 504, "insights-service did not answer in time; try again shortly"),
                arguments("connection broken off", new IOException("Connection prematurely closed"),
                        "outreach-service", 503, "outreach-service broke off the connection; try again shortly"),
                arguments("connection reset", new ServiceBrokeOff(new IOException("Connection reset by peer")),
                        "outreach-service", 503, "outreach-service broke off the connection; try again shortly"),
                arguments("no route", new ResponseStatusException(HttpStatus.NOT_FOUND, "No static resource nope."),
                        null, 404, "Nothing is served at this path"),
                arguments("wrong method", new MethodNotAllowedException("DELETE", List.of()), null,
                        405, "Request method 'DELETE' is not supported."),
                arguments("rate limited", HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS,
                                "Too Many Requests", HttpHeaders.EMPTY, null, null), "accounts-service",
                        429, "Too many requests; slow down and try again in a moment"),
                arguments("anything else", new IllegalStateException("internal detail"), "accounts-service",
                        500, "The gateway could not handle this request"),
                arguments("anything else, unrouted", new IllegalStateException("internal detail"), null,
                        500, "The gateway could not handle this request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void describesErrorsWithoutTheirInternals(String caseName, Throwable error, String service,
                                              int status, String detail) {
        ProblemDetail problem = Problems.describe(error, service);

        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getTitle()).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(problem.getDetail()).isEqualTo(detail);
    }
}
