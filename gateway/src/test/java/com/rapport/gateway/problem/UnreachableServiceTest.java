package com.rapport.gateway.problem;

import com.rapport.gateway.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Every service's address points at a port nobody listens on. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@DirtiesContext
class UnreachableServiceTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String nobody = "http://127.0.0.1:" + closedPort();
        registry.add("RAPPORT_ACCOUNTS_URL", () -> nobody);
        registry.add("RAPPORT_OUTREACH_URL", () -> nobody);
        registry.add("RAPPORT_INSIGHTS_URL", () -> nobody);
        Credentials.register(registry);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(Credentials.HEADER, Credentials.ALL_ROLES)
                .build();
    }

    @Test
    void answersA503ProblemNamingTheService() {
        client.get().uri("/api/accounts/42").header("X-Request-Id", "down-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "down-1")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.detail").isEqualTo("accounts-service is not reachable; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/accounts/42")
                .jsonPath("$.requestId").isEqualTo("down-1")
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void namesTheServiceBehindTheEventFeed() {
        client.get().uri("/api/events?after=1").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("insights-service is not reachable; try again shortly");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
