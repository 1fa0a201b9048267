package io.vigie.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * One place for request errors: bean-validation failures become a 400 problem with one entry per
 * invalid field, and unreadable bodies a 400 that says so, never a stack trace.
 */
@RestControllerAdvice
class RequestProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                           HttpStatusCode status, ServerWebExchange exchange) {
        List<ApiProblems.FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new ApiProblems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return Mono.just(ResponseEntity.badRequest().body(ApiProblems.invalid(errors).getBody()));
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
