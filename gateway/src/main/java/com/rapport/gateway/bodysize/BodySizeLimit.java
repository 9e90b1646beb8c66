package com.rapport.gateway.bodysize;

import com.rapport.gateway.imports.ImportRoute;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a request body larger than the limit with a 413: at once when Content-Length says
 * so, and while it streams when it comes in chunks. It runs before authentication, so that
 * not even the login form reads a larger body.
 *
 * <p>A chunked body is usually being streamed on to a service when it grows past the limit. An
 * error in that stream would reach the gateway's HTTP client, which logs it as a failed
 * connection with a stack trace; so the body just stops, and the refusal abandons the request
 * instead, which closes the service's connection quietly.
 */
final class BodySizeLimit implements WebFilter, Ordered {

    private final BodySizeProperties limits;

    BodySizeLimit(BodySizeProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // an import streams a file: it has its own limit, and refuses each line over the other
        DataSize limit = ImportRoute.PATH.equals(exchange.getRequest().getPath().value())
                ? limits.maxImportSize() : limits.maxBodySize();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Mono.error(tooLarge(limit));
        }
        Sinks.Empty<Void> refusal = Sinks.empty();
        AtomicLong received = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, body) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        refusal.tryEmitError(tooLarge(limit));
                    } else {
                        body.next(buffer);
                    }
                });
            }
        };
        return Mono.firstWithSignal(chain.filter(exchange.mutate().request(counted).build()), refusal.asMono());
    }

    private static ResponseStatusException tooLarge(DataSize limit) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit.toBytes() + " bytes");
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return -200;
    }
}
