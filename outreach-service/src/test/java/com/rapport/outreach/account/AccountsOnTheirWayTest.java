package com.rapport.outreach.account;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request about an account whose events are still on their way to outreach (opened or lost a
 * moment ago through accounts-service) is answered once outreach hears of them; one about an
 * account that does not exist, or does not stand as the record needs, is refused after the wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:outreach-accounts-on-their-way;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "rapport.outreach.account-wait=PT1S"})
class AccountsOnTheirWayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(1);
    private static final Instant OPENED = Instant.now().minus(Duration.ofDays(30));

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    EventStore events;
    @Autowired
    KnownAccounts accounts;
    @LocalServerPort
    int port;

    @Test
    void acceptsARecordForAnAccountOpenedWhileTheRequestWaits() throws Exception {
        UUID account = UUID.randomUUID();

        HttpResponse<String> response = postWhile(() -> open(account), account, "contacts", CONTACT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void refusesARecordForAnAccountNobodyOpensOnceThePatienceIsOver() throws Exception {
        UUID stranger = UUID.randomUUID();

        HttpResponse<String> response = postWaitingOutThePatience(stranger, "contacts", CONTACT);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(detailOf(response)).isEqualTo("No account with id " + stranger + " exists");
    }

    @Test
    void acceptsAnExitInterviewForAnAccountLostWhileTheRequestWaits() throws Exception {
        UUID account = knownAccount();

        HttpResponse<String> response = postWhile(() -> lose(account), account, "exit-interviews", INTERVIEW);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void refusesAnExitInterviewForAnAccountNobodyLosesOnceThePatienceIsOver() throws Exception {
        UUID account = knownAccount();

        HttpResponse<String> response = postWaitingOutThePatience(account, "exit-interviews", INTERVIEW);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(detailOf(response))
                .isEqualTo("Account " + account + " is not lost: an exit interview is only for a lost account");
    }

    private static final String CONTACT = """
            {"channel":"MEETING","outcome":"CONNECTED","staffId":"alice","staffRole":"EXECUTIVE"}""";
    private static final String INTERVIEW = """
            {"primaryReason":"NEGLECT","winBackChance":"LOW","staffId":"alice"}""";

    /** An account outreach has heard of, active. */
    private UUID knownAccount() {
        UUID account = UUID.randomUUID();
        open(account);
        accounts.standing(account, accounts.patienceEnds());
        return account;
    }

    /** As accounts-service opens an account: its event in the store. */
    private void open(UUID account) {
        events.publish(new GenericDomainEventMessage<>("Account", account.toString(), 0, new AccountOpened(account,
                "Acme", Tier.KEY, new BigDecimal("120000"), "EUR", "alice", "UTC", null, OPENED)));
    }

    private void lose(UUID account) {
        events.publish(new GenericDomainEventMessage<>("Account", account.toString(), 1,
                new AccountLost(account, LossReason.NEGLECT, null, null, OPENED.plus(Duration.ofDays(20)))));
    }

    /** Posts the record while, a moment after it is sent, the account's event reaches the store. */
    private HttpResponse<String> postWhile(Runnable meanwhile, UUID account, String records, String body)
            throws Exception {
        CompletableFuture<Void> later = CompletableFuture.runAsync(meanwhile,
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        HttpResponse<String> response = post(account, records, body);
        later.join();
        return response;
    }

    /** Posts the record, which is answered no sooner than the patience allows. */
    private HttpResponse<String> postWaitingOutThePatience(UUID account, String records, String body) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = post(account, records, body);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(PATIENCE);
        return response;
    }

    private String detailOf(HttpResponse<String> response) {
        return json.readTree(response.body()).get("detail").asString();
    }

    private HttpResponse<String> post(UUID account, String records, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/outreach/accounts/" + account + "/" + records))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
