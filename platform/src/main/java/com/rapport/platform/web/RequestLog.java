package com.rapport.platform.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line per request, under the logger {@value #LOGGER} (silence it with
 * {@code logging.level.rapport.requests=warn}): method, path, status, duration, request id and
 * the principal the gateway named. Structured logs carry the same as fields. Probes and scrapes
 * of {@code /actuator} are logged at DEBUG, so that they do not drown the requests of people.
 * A request answered asynchronously (the event stream) is logged when its answer ends.
 */
public class RequestLog extends OncePerRequestFilter {

    public static final String LOGGER = "rapport.requests";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new WhenAnswered(request, response, started));
            } else {
                // an exception escaping every handler becomes a 500 further out
                log(request, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(),
                        started, response.getHeader(RequestIdFilter.HEADER));
            }
        }
    }

    private static void log(HttpServletRequest request, int status, long started, String requestId) {
        String principal = request.getHeader(ActingUser.HEADER) == null ? "-" : request.getHeader(ActingUser.HEADER);
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        Level level = request.getRequestURI().startsWith("/actuator") ? Level.DEBUG : Level.INFO;
        // the asynchronous end runs on another thread, without the request's MDC
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, requestId)) {
            log.atLevel(level)
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", request.getRequestURI())
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", durationMs)
                    .addKeyValue("principal", principal)
                    .log("{} {} {} {} ms requestId={} user={}", request.getMethod(), request.getRequestURI(), status,
                            durationMs, requestId, principal);
        }
    }

    private record WhenAnswered(HttpServletRequest request, HttpServletResponse response, long started)
            implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            log(request, response.getStatus(), started, response.getHeader(RequestIdFilter.HEADER));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // the request completes after its timeout; it is logged then
        }

        @Override
        public void onError(AsyncEvent event) {
            // the request completes after its error; it is logged then
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the same request goes on; it is logged when it completes
        }
    }
}
