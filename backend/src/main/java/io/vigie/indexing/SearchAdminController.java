package io.vigie.indexing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admins (every /api/admin path needs the admin role): rebuild the search index, and check it against PostgreSQL. */
@RestController
class SearchAdminController {

    private final Reindexer reindexer;
    private final ConsistencyCheck check;

    SearchAdminController(Reindexer reindexer, ConsistencyCheck check) {
        this.reindexer = reindexer;
        this.check = check;
    }

    /** Starts a rebuild; 409 while one runs (on any instance). Follow it with GET. */
    @PostMapping("/api/admin/search/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Reindexer.Status> reindex() {
        return reindexer.start();
    }

    @GetMapping("/api/admin/search/reindex")
    Mono<Reindexer.Status> reindexStatus() {
        return reindexer.currentStatus();
    }

    /** Counts and versions compared for every type; {@code repair=true} queues or deletes what differs. */
    @PostMapping("/api/admin/search/check")
    Mono<ConsistencyCheck.Report> check(@RequestParam(defaultValue = "false") boolean repair) {
        return check.run(repair);
    }
}
