package io.vigie.web;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * One place for request errors: bean-validation failures become a 400 problem with one entry per
 * invalid field, unreadable bodies a 400 that says so, an unreachable database a 503; never a
 * stack trace.
 */
@RestControllerAdvice
class RequestProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestProblemHandler.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                           HttpStatusCode status, ServerWebExchange exchange) {
        List<ApiProblems.FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new ApiProblems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return Mono.just(ResponseEntity.badRequest().body(ApiProblems.invalid(errors).getBody()));
    }

    /**
     * PostgreSQL unreachable or restarting: a clean 503 the UI can show and a client can retry,
     * never a 500 with internals. Each write is one transaction, so a failed request left nothing
     * half-written; only a failure at the very commit can leave the write done, hence the advice.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, R2dbcNonTransientResourceException.class, R2dbcTransientResourceException.class})
    Mono<ResponseEntity<Object>> databaseUnavailable(Exception ex) {
        log.warn("database unavailable: {}", ex.toString());
        ErrorResponseException problem = ApiProblems.status(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "Vigie's database is unavailable for a moment. Try again shortly; if you were saving something, check whether it was saved before saving it again.");
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request could not be read: check the JSON body and the parameters.");
        problem.setTitle("Invalid request");
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }
}
