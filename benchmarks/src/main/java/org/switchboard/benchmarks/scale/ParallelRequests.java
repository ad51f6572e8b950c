package org.switchboard.benchmarks.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs one request per index on a few threads and answers how long all of them took, in nanoseconds. */
final class ParallelRequests {

    private ParallelRequests() {
    }

    static long run(int count, int parallel, IntFunction<String> request) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(parallel);
        long began = System.nanoTime();
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(workers.submit(() -> request.apply(index)));
            }
            for (Future<String> future : done) {
                future.get();
            }
            return System.nanoTime() - began;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }
}
