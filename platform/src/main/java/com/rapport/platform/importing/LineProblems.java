package com.rapport.platform.importing;

import com.rapport.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer an endpoint gives to a failure, for a failure that is one line of a larger answer:
 * the handler Spring MVC would pick from {@link ProblemDetailsAdvice} for it, called as MVC calls
 * it, so that a line of an import is refused with the very status and problem body its single
 * endpoint answers.
 */
final class LineProblems {

    /** A status and its problem body. */
    record Problem(int status, ProblemDetail body) {
    }

    private final ProblemDetailsAdvice advice;
    private final ExceptionHandlerMethodResolver handlers;

    LineProblems(ProblemDetailsAdvice advice) {
        this.advice = advice;
        this.handlers = new ExceptionHandlerMethodResolver(advice.getClass());
    }

    Problem of(Exception failure, WebRequest request) {
        Method handler = handlers.resolveMethodByThrowable(failure);
        if (handler == null) {
            throw new IllegalStateException("no exception handler for " + failure, failure);
        }
        ReflectionUtils.makeAccessible(handler);
        try {
            return problemOf(handler.invoke(advice, arguments(handler, failure, request)));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            // ResponseEntityExceptionHandler rethrows what it does not handle; every failure has a handler above it
            throw new IllegalStateException("the exception handler for " + failure + " failed", e.getCause());
        }
    }

    /** As MVC provides them: the failure or one of its causes, whichever the parameter takes, and the request. */
    private static Object[] arguments(Method handler, Exception failure, WebRequest request) {
        List<Throwable> failures = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !failures.contains(cause); cause = cause.getCause()) {
            failures.add(cause);
        }
        Class<?>[] types = handler.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            arguments[i] = type.isInstance(request) ? request
                    : failures.stream().filter(type::isInstance).findFirst().orElse(null);
        }
        return arguments;
    }

    private static Problem problemOf(Object answer) {
        if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail body) {
            return new Problem(entity.getStatusCode().value(), body);
        }
        if (answer instanceof ProblemDetail body) {
            return new Problem(body.getStatus(), body);
        }
        ProblemDetail unknown = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged.");
        return new Problem(unknown.getStatus(), unknown);
    }
}
