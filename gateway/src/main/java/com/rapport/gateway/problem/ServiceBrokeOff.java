package com.rapport.gateway.problem;

import org.springframework.web.reactive.function.client.WebClientException;

/**
 * A service broke off the connection of a request the gateway was passing on to it (it reset
 * the connection or closed it without answering), typically because it crashed or is
 * restarting.
 *
 * <p>Spring takes an I/O error that reads "Connection reset by peer" for the caller having gone
 * away, and answers nothing; through the gateway it is as often the service that went away, and
 * the caller is still waiting. Spring makes an exception for errors of outgoing calls, which are
 * WebClientExceptions; this is one, so the caller gets its problem.
 */
final class ServiceBrokeOff extends WebClientException {

    ServiceBrokeOff(Throwable cause) {
        super("the service broke off the connection", cause);
    }
}
