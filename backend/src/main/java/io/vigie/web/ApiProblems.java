package io.vigie.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * The API's errors, as RFC 9457 problem details: Spring renders these exceptions as
 * {@code application/problem+json} with no stack trace.
 */
public final class ApiProblems {

    /** One invalid field of a request, with a message a person can act on. */
    public record FieldError(String field, String message) {}

    private ApiProblems() {}

    /**
     * Not found, and also what a reader gets for something they may not see: answering 404
     * rather than 403 keeps its existence secret.
     */
    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist, or you cannot see it.");
    }

    /** The token is valid, but the account behind it may no longer use Vigie (an admin disabled it). */
    public static ErrorResponseException unauthorized(String detail) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /**
     * 202: the write was stored but waits for a moderator (it used a banned word). Not an error,
     * yet not published: said as a problem detail so every client shows the reason.
     */
    public static ErrorResponseException held(String detail) {
        return problem(HttpStatus.ACCEPTED, "Held for review", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ErrorResponseException invalid(List<FieldError> errors) {
        ErrorResponseException exception = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                        : errors.size() + " fields are invalid.");
        exception.getBody().setProperty("errors", errors);
        return exception;
    }

    public static ErrorResponseException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Any other status, with its title: e.g. 503 when a service behind the API is down. */
    public static ErrorResponseException status(HttpStatus status, String title, String detail) {
        return problem(status, title, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
