package com.rapport.gateway.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpClientErrorException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * What the caller is told about an error: a problem that names the service at fault and says
 * what to do, never an exception's class or message.
 */
final class Problems {

    private Problems() {
    }

    /**
     * @param error   what went wrong
     * @param service the service the request was routed to, or null when no route matched
     */
    static ProblemDetail describe(Throwable error, @Nullable String service) {
        @Nullable HttpStatusCode status = error instanceof ErrorResponse response ? response.getStatusCode() : null;
        if (service != null) {
            // the gateway's own response timeout arrives as a 504 ResponseStatusException
            if (is(status, HttpStatus.GATEWAY_TIMEOUT) || causedBy(error, TimeoutException.class)
                    || causedBy(error, java.util.concurrent.TimeoutException.class)) {
                return problem(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time; try again shortly");
            }
            // refused, connect timeout (a ConnectException too), unknown host, no instance to balance to
            if (is(status, HttpStatus.SERVICE_UNAVAILABLE) || causedBy(error, ConnectException.class)
                    || causedBy(error, UnknownHostException.class)) {
                return problem(HttpStatus.SERVICE_UNAVAILABLE, service + " is not reachable; try again shortly");
            }
            // reset or closed mid-request: the service crashed or is restarting, so it is unavailable
            // for now; a 503 tells the caller to try again, as for one that is down
            if (causedBy(error, IOException.class)) {
                return problem(HttpStatus.SERVICE_UNAVAILABLE, service + " broke off the connection; try again shortly");
            }
        }
        // the RequestRateLimiter filter's refusal (throw-on-limit)
        if (error instanceof HttpClientErrorException refused && refused.getStatusCode().value() == 429) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; slow down and try again in a moment");
        }
        if (is(status, HttpStatus.NOT_FOUND)) {
            return problem(HttpStatus.NOT_FOUND, "Nothing is served at this path");
        }
        if (status != null && status.is4xxClientError()) {
            // the framework's own wording, e.g. "Supported methods: [GET]"
            return ((ErrorResponse) error).getBody();
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle this request");
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static boolean is(@Nullable HttpStatusCode status, HttpStatus expected) {
        return status != null && status.value() == expected.value();
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
