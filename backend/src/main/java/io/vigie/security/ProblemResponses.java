package io.vigie.security;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Security failures as RFC 9457 problem details, like every other error of the API. The text stays
 * generic: a client learns that its token was refused, not which check refused it.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, tokenSent
                ? "The access token is invalid, expired or not meant for this API. Sign in again."
                : "This endpoint needs a bearer access token. Sign in first.");
        problem.setTitle("Unauthorized");
        // RFC 6750: tell the client which scheme and what went wrong, without details.
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        return write(exchange, problem);
    }

    Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this action.");
        problem.setTitle("Forbidden");
        return write(exchange, problem);
    }

    /** 429 with Retry-After (seconds): the caller wrote too much of one kind in a short time. */
    public Mono<Void> tooManyRequests(ServerWebExchange exchange, String what, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many " + what + " in a short time. Try again in " + retryAfterSeconds + " seconds.");
        problem.setTitle("Too many requests");
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(exchange, problem);
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // Refused before its body was read: close the connection after this answer, so that a client
        // reusing it never finds the unread body in the way of its next request (seen as 20 s hangs).
        HttpHeaders request = exchange.getRequest().getHeaders();
        if (request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
