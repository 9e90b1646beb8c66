package com.rapport.platform.web;

import com.rapport.platform.problem.Conflict;
import com.rapport.platform.problem.FieldError;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as an RFC 9457 problem body. Validation problems list each field with the rule
 * it broke; no stack trace ever leaves the service.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, refused.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException missing) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No such id: " + missing.getAggregateIdentifier());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException race) {
        log.warn("Command still conflicted after its retries: {}", race.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed the same record at the same moment, repeatedly; send the request again.");
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField refused) {
        return invalid(List.of(new FieldError(refused.field(), refused.rule(), refused.getMessage())));
    }

    /**
     * A failure is a 500, logged with its stack trace, unless the database was unavailable: then
     * the same request may succeed shortly, and the client is told when to try. (When the first
     * event of an aggregate could not be appended, Axon's message says "Cannot reuse aggregate
     * identifier" whatever the cause: the cause decides.)
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, WebRequest request) {
        if (DatabaseOutage.explains(failure)) {
            return databaseUnavailable(failure, request);
        }
        log.error("Request {} failed", request.getDescription(false), failure);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged."));
    }

    /** A commit cut off midway may still have happened: the answer does not promise that nothing was recorded. */
    private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception failure, WebRequest request) {
        log.warn("Request {} found the database unavailable: {} ({})", request.getDescription(false), failure.getMessage(),
                NestedExceptionUtils.getMostSpecificCause(failure).toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "The database is unavailable and the request was not completed. Try again shortly;"
                                + " a retry with the same id or Idempotency-Key is recorded once."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException missing, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is nothing at " + missing.getHttpMethod() + " /" + missing.getResourcePath());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), ruleOf(error), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), ruleOf(error), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException missing,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(
                new FieldError(missing.getParameterName(), "NotNull", "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException mismatch,
                                                        HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : mismatch.getPropertyName();
        RefusedValue refused = causeOfType(mismatch, RefusedValue.class);
        FieldError error = refused != null
                ? new FieldError(name, refused.rule(), refused.getMessage())
                : new FieldError(name, "Type", mustBe(mismatch.getRequiredType()));
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = causeOfType(unreadable, JacksonException.class);
        if (jackson == null) {
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new FieldError("$", "Body", "A JSON body is required."))));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(errorIn(jackson))));
    }

    private static FieldError errorIn(JacksonException jackson) {
        RefusedValue refused = causeOfType(jackson, RefusedValue.class);
        if (refused != null) {
            return new FieldError(pathOf(jackson), refused.rule(), refused.getMessage());
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            String rule = mismatch instanceof InvalidFormatException ? "Format" : "Type";
            return new FieldError(pathOf(mismatch), rule, mustBe(mismatch.getTargetType()));
        }
        if (jackson instanceof InputCoercionException outOfRange) {
            return new FieldError(pathOf(outOfRange), "Type", firstLine(outOfRange.getOriginalMessage()));
        }
        if (jackson instanceof StreamReadException unreadable) {
            // Jackson has no type of its own for a duplicate, only this message; a test pins it
            if (String.valueOf(unreadable.getOriginalMessage()).startsWith("Duplicate Object property")) {
                return new FieldError(propertyBeingRead(unreadable), "NoDuplicate", "is sent more than once");
            }
            return new FieldError("$", "JSON", "The body is not well-formed JSON: " + firstLine(unreadable.getOriginalMessage()));
        }
        return new FieldError(pathOf(jackson), "Value", firstLine(jackson.getOriginalMessage()));
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String ruleOf(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        // the last code is the bare constraint name, e.g. "NotBlank"
        return codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String pathOf(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Where the parser was: a stream error carries no databind path of its own. */
    private static String propertyBeingRead(StreamReadException failure) {
        JsonParser parser = failure.processor();
        if (parser == null) {
            return pathOf(failure);
        }
        Deque<String> steps = new ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                steps.push("[" + context.getCurrentIndex() + "]");
            } else if (context.currentName() != null) {
                steps.push((context.getParent() != null && context.getParent().inRoot() ? "" : ".") + context.currentName());
            }
        }
        return steps.isEmpty() ? "$" : String.join("", steps);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "must be a UUID";
            case "String" -> "must be a JSON string";
            case "Boolean", "boolean" -> "must be true or false";
            case "Instant" -> "must be an ISO-8601 instant, e.g. 2026-01-31T09:30:00Z";
            case "BigDecimal" -> "must be a decimal number";
            case "Integer", "int", "Long", "long" -> "must be a whole number";
            default -> "must be a " + type.getSimpleName();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
