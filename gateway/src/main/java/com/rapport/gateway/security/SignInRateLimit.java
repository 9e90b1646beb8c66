package com.rapport.gateway.security;

import com.rapport.gateway.ratelimit.TokenBuckets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Sign-in attempts (POST /login) per client address, whatever names they try: trying password
 * after password, or name after name, from one address goes at a person's pace, and a flood of
 * sign-ins cannot take the gateway's time (each costs a password check) from everyone else.
 * A browser past the limit is sent back to the sign-in page, which says why; a program gets a
 * 429 problem, as past the request rate.
 *
 * <p>The address is the connection's peer, unless the gateway is told to trust a proxy's
 * forwarded headers ({@code server.forward-headers-strategy}): a client cannot pick its own by
 * sending X-Forwarded-For. An IPv6 client counts by its /64 network, which one host commonly
 * holds whole. The counts are in this gateway's memory.
 */
final class SignInRateLimit implements WebFilter {

    // the sign-in page with the reason (dashboard.LoginPage)
    private static final URI THROTTLED_PAGE = URI.create("/login?throttled");

    private static final ServerWebExchangeMatcher SIGN_IN = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login");
    private static final int IPV6_NETWORK_BYTES = 8;

    private final TokenBuckets addresses;
    private final ServerWebExchangeMatcher browser;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    /**
     * @param browser matches a browser asking for a page, which should see one
     */
    SignInRateLimit(SecurityProperties.Login settings, ServerWebExchangeMatcher browser) {
        this.addresses = new TokenBuckets(settings.perAddressPerMinute() / 60.0, settings.perAddressBurst(), System::nanoTime);
        this.browser = browser;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return SIGN_IN.matches(exchange).flatMap(signIn -> {
            if (!signIn.isMatch() || addresses.take(client(exchange.getRequest().getRemoteAddress())) >= 0) {
                return chain.filter(exchange);
            }
            return browser.matches(exchange).flatMap(page -> page.isMatch()
                    ? redirect.sendRedirect(exchange, THROTTLED_PAGE)
                    : Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                            "Too many sign-in attempts from your address; wait a minute and try again")));
        });
    }

    /** The key a client's attempts are counted under. */
    static String client(InetSocketAddress remote) {
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return "unknown";
        }
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), IPV6_NETWORK_BYTES);
            return HexFormat.of().formatHex(network) + "/64";
        }
        return address.getHostAddress();
    }
}
