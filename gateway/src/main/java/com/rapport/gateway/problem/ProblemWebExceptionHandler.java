package com.rapport.gateway.problem;

import com.rapport.gateway.requestid.RequestId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;

/**
 * Answers every error the gateway raises itself (a service down or slow, no route, a bad
 * request) with an RFC 9457 problem body carrying the request id. It takes the place of Boot's
 * default handler, and its order puts it before WebFlux's bare-status handler.
 */
@Component
@Order(-1)
class ProblemWebExceptionHandler extends AbstractErrorWebExceptionHandler {

    // names the service in a route's metadata (application.yml); the route id stands in for it
    static final String SERVICE_METADATA = "service";

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    ProblemWebExceptionHandler(ErrorAttributes errorAttributes, WebProperties webProperties,
                               ApplicationContext applicationContext, ServerCodecConfigurer codecs) {
        super(errorAttributes, webProperties.getResources(), applicationContext);
        setMessageReaders(codecs.getReaders());
        setMessageWriters(codecs.getWriters());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        // an I/O error on a routed request is the service's: Spring would take it for the caller's (ServiceBrokeOff)
        if (service(exchange) != null && Problems.causedBy(error, IOException.class) && !exchange.getResponse().isCommitted()) {
            return super.handle(exchange, new ServiceBrokeOff(error));
        }
        return super.handle(exchange, error);
    }

    @Override
    protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
        return RouterFunctions.route(RequestPredicates.all(), this::render);
    }

    private Mono<ServerResponse> render(ServerRequest request) {
        Throwable error = getError(request);
        ProblemDetail problem = Problems.describe(error, service(request.exchange()));
        problem.setInstance(URI.create(request.exchange().getRequest().getPath().value()));
        problem.setProperty("requestId", request.headers().firstHeader(RequestId.HEADER));
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    @Override
    protected void logError(ServerRequest request, ServerResponse response, Throwable error) {
        Route route = request.exchange().getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (response.statusCode().is5xxServerError() && route != null) {
            // a service down, slow or crashing is the operator's news, not a stack trace
            log.warn("{} {} failed on route {} to {}: {} requestId={}", request.method(), request.path(), route.getId(),
                    request.exchange().getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, route.getUri()),
                    NestedExceptionUtils.getMostSpecificCause(error).toString(),
                    request.headers().firstHeader(RequestId.HEADER));
            return;
        }
        super.logError(request, response, error);
    }

    private static @Nullable String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return null;
        }
        Object service = route.getMetadata().get(SERVICE_METADATA);
        return service != null ? service.toString() : route.getId();
    }
}
