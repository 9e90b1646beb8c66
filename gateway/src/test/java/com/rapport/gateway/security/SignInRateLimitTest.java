package com.rapport.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInRateLimitTest {

    // one attempt a minute, three at once: no token comes back during a test
    private final SignInRateLimit limit = new SignInRateLimit(new SecurityProperties.Login(5, Duration.ofMinutes(15), 1, 3),
            SecurityConfiguration.browserAskingForAPage());
    private final AtomicInteger letThrough = new AtomicInteger();

    @Test
    void letsABurstOfSignInsThroughThenRefusesAProgramWithA429() {
        for (int i = 0; i < 3; i++) {
            signIn("203.0.113.5", MediaType.ALL);
        }

        assertThatThrownBy(() -> signIn("203.0.113.5", MediaType.ALL))
                .isInstanceOfSatisfying(ResponseStatusException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(refused.getReason()).isEqualTo("Too many sign-in attempts from your address; wait a minute and try again");
                });
        assertThat(letThrough).hasValue(3);
    }

    @Test
    void sendsABrowserBackToTheSignInPageWhichSaysWhy() {
        for (int i = 0; i < 3; i++) {
            signIn("203.0.113.5", MediaType.TEXT_HTML);
        }

        MockServerWebExchange refused = signIn("203.0.113.5", MediaType.TEXT_HTML);

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(refused.getResponse().getHeaders().getLocation()).hasToString("/login?throttled");
        assertThat(letThrough).hasValue(3);
    }

    @Test
    void countsEachAddressApart() {
        for (int i = 0; i < 3; i++) {
            signIn("203.0.113.5", MediaType.ALL);
        }

        signIn("203.0.113.6", MediaType.ALL);

        assertThat(letThrough).hasValue(4);
    }

    @Test
    void countsOnlySignIns() {
        for (int i = 0; i < 5; i++) {
            exchange(MockServerHttpRequest.get("/login").remoteAddress(address("203.0.113.5")));
            exchange(MockServerHttpRequest.post("/api/accounts").remoteAddress(address("203.0.113.5")));
        }

        assertThat(letThrough).hasValue(10);
    }

    /** One host commonly holds a whole /64, and could change address with every attempt. */
    @ParameterizedTest
    @CsvSource({
            "203.0.113.5, 203.0.113.5",
            "2001:db8:1:2:aaaa::1, 20010db800010002/64",
            "2001:db8:1:2:bbbb:cccc:dddd:eeee, 20010db800010002/64",
            "::ffff:203.0.113.5, 203.0.113.5"})
    void countsAnIpv6ClientByItsNetwork(String address, String key) {
        assertThat(SignInRateLimit.client(address(address))).isEqualTo(key);
    }

    private MockServerWebExchange signIn(String address, MediaType accept) {
        return exchange(MockServerHttpRequest.post("/login").remoteAddress(address(address))
                .header(HttpHeaders.ACCEPT, accept.toString()));
    }

    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        limit.filter(exchange, passed -> {
            letThrough.incrementAndGet();
            return Mono.empty();
        }).block();
        return exchange;
    }

    private static InetSocketAddress address(String address) {
        return new InetSocketAddress(address, 443);
    }
}
