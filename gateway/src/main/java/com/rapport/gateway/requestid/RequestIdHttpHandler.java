package com.rapport.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Gives every request an id, forwards it to the service, returns it to the caller and logs one
 * line per request under it.
 *
 * <p>It wraps the whole web handler rather than sitting in the gateway's filter chain: a
 * {@code GlobalFilter} sees only requests that matched a route, and it completes before the
 * error handler has chosen the 503 or 504 that the caller actually gets.
 */
final class RequestIdHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestIdHttpHandler.class);

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
        long started = System.nanoTime();
        return delegate.handle(identified, response)
                .doFinally(signal -> log.info("{} {} {} {} ms requestId={}",
                        request.getMethod(), request.getPath().value(), outcome(signal, response),
                        (System.nanoTime() - started) / 1_000_000, requestId));
    }

    private static String outcome(SignalType signal, ServerHttpResponse response) {
        if (signal == SignalType.CANCEL) {
            return "cancelled";
        }
        HttpStatusCode status = response.getStatusCode();
        return status == null ? "200" : String.valueOf(status.value());
    }
}
