package com.rapport.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

/**
 * Gives every request an id, forwards it to the service, returns it to the caller and logs one
 * line per request under it, with its principal ({@link RequestPrincipal}), under the logger
 * {@value #LOGGER} (silence it with {@code logging.level.rapport.requests=warn}). The id is in
 * the line's MDC as {@code requestId}, as in the services, so that structured logs carry it.
 *
 * <p>It wraps the whole web handler rather than sitting in the gateway's filter chain: a
 * {@code GlobalFilter} sees only requests that matched a route, and it completes before the
 * error handler has chosen the 503 or 504 that the caller actually gets.
 */
final class RequestIdHttpHandler implements HttpHandler {

    static final String LOGGER = "rapport.requests";
    private static final String MDC_KEY = "requestId";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final HttpHandler delegate;

    RequestIdHttpHandler(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        String requestId = RequestId.acceptOrCreate(request.getHeaders().getFirst(RequestId.HEADER));
        ServerHttpRequest identified = request.mutate().header(RequestId.HEADER, requestId).build();
        response.beforeCommit(() -> {
            // set, not add: the services echo the id as well
            response.getHeaders().set(RequestId.HEADER, requestId);
            return Mono.empty();
        });
        RequestPrincipal principal = new RequestPrincipal();
        long started = System.nanoTime();
        return delegate.handle(identified, response)
                .doFinally(signal -> log(request, outcome(signal, response), started, requestId, principal.name()))
                .contextWrite(Context.of(RequestPrincipal.class, principal));
    }

    private static void log(ServerHttpRequest request, String outcome, long started, String requestId, String principal) {
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        // the line is written on whichever thread finished the request: the MDC is set for it alone
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, requestId)) {
            log.atInfo()
                    .addKeyValue("method", request.getMethod().name())
                    .addKeyValue("path", request.getPath().value())
                    .addKeyValue("status", outcome)
                    .addKeyValue("durationMs", durationMs)
                    .addKeyValue("principal", principal)
                    .log("{} {} {} {} ms requestId={} user={}", request.getMethod(), request.getPath().value(), outcome,
                            durationMs, requestId, principal);
        }
    }

    private static String outcome(SignalType signal, ServerHttpResponse response) {
        if (signal == SignalType.CANCEL) {
            return "cancelled";
        }
        HttpStatusCode status = response.getStatusCode();
        return status == null ? "200" : String.valueOf(status.value());
    }
}
