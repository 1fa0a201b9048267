package io.vigie.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Timings of a batch of calls run by a fixed number of concurrent callers (a closed loop). */
record Latencies(long[] sortedMicros, double seconds, int errors, String firstError) {

    static Latencies of(List<Long> micros, double seconds, int errors, String firstError) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latencies(sorted, seconds, errors, firstError);
    }

    /** Runs every call with {@code concurrency} callers; a call that throws counts as an error. */
    static Latencies run(int concurrency, List<? extends Callable<?>> calls) {
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Callable<Long>> timed = new ArrayList<>();
            for (Callable<?> call : calls) {
                timed.add(() -> {
                    long start = System.nanoTime();
                    try {
                        call.call();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getMessage());
                        return -1L;
                    }
                    return (System.nanoTime() - start) / 1_000;
                });
            }
            long start = System.nanoTime();
            List<Future<Long>> results = pool.invokeAll(timed);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> micros = new ArrayList<>();
            for (Future<Long> result : results) {
                long value = result.get();
                if (value >= 0) {
                    micros.add(value);
                }
            }
            return of(micros, seconds, errors.get(), firstError.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    int count() {
        return sortedMicros.length;
    }

    /** The percentile in milliseconds (nearest rank). */
    double ms(double percentile) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank))] / 1000.0;
    }

    double perSecond() {
        return (sortedMicros.length + errors) / seconds;
    }

    @Override
    public String toString() {
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f/s, %d errors".formatted(ms(50), ms(95), ms(99), perSecond(), errors)
                + (firstError == null ? "" : " (first: " + firstError + ")") + " over " + Arrays.stream(sortedMicros).count();
    }
}
