package io.vigie.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.time.Duration;
import java.util.Map;

/**
 * When an API test fails, prints what the database is doing (sessions that are not idle, what
 * they wait for) and where the application's reactor threads stand: a request that hangs shows
 * its cause in the test output instead of a bare timeout.
 */
public class DiagnoseOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder report = new StringBuilder("\n=== diagnosis of ").append(context.getDisplayName()).append(" ===\n");
        try {
            DatabaseClient db = SpringExtension.getApplicationContext(context).getBean(DatabaseClient.class);
            db.sql("""
                            SELECT pid, state, wait_event_type, wait_event, now() - xact_start AS in_transaction, left(query, 200) AS query
                            FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()""")
                    .map(row -> row.get("pid") + " " + row.get("state") + " waits " + row.get("wait_event_type") + "/"
                            + row.get("wait_event") + " for " + row.get("in_transaction") + ": " + row.get("query"))
                    .all().collectList().block(Duration.ofSeconds(10))
                    .forEach(line -> report.append("pg: ").append(line).append('\n'));
        } catch (RuntimeException e) {
            report.append("pg: not readable: ").append(e).append('\n');
        }
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            String name = thread.getKey().getName();
            if (name.startsWith("reactor-") || name.contains("epoll") || name.startsWith("boundedElastic")) {
                report.append("thread ").append(name).append(" ").append(thread.getKey().getState()).append('\n');
                for (int i = 0; i < Math.min(12, thread.getValue().length); i++) {
                    report.append("    at ").append(thread.getValue()[i]).append('\n');
                }
            }
        }
        System.out.println(report);
    }
}
