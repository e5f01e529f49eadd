package vn.laurel.engine.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Work whose items are independent, spread over the cores; the answers keep the items' order. */
public final class Parallel {
    private Parallel() {}

    /**
     * Applies {@code work} to every item on up to one thread per core and returns the answers in
     * the items' order. The first failure is rethrown as itself (the rest are cancelled).
     */
    public static <T, R> List<R> map(String name, List<T> items, Function<? super T, ? extends R> work) {
        int threads = Math.max(1, Math.min(items.size(), Runtime.getRuntime().availableProcessors()));
        if (threads == 1) return items.stream().<R>map(work).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<? extends R>> pending = new ArrayList<>();
            for (T item : items) pending.add(pool.submit(() -> work.apply(item)));
            List<R> out = new ArrayList<>(items.size());
            for (Future<? extends R> f : pending) out.add(join(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
