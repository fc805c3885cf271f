package care.sciatica.bench;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * How work is offered: open loop (a new unit at a fixed rate, whatever the answers take, with a cap on what may be in
 * flight so an overloaded stack cannot make the run unbounded) or closed loop (N workers, each starting its next unit
 * when the last one ends). A unit is a case, an intake or a single call.
 */
public final class Load {

    /** Cases (or calls) that may be in flight at once in open loop; more are counted as not started. */
    static final int MAX_IN_FLIGHT = 2_000;
    /** How long the in-flight work may take to finish after the offering stopped. */
    static final Duration DRAIN = Duration.ofSeconds(60);

    private Load() {
    }

    /** What a load run did: units started, not started (open loop over its cap), and the time it offered work. */
    public record Offered(long started, long refused, Duration elapsed) {
    }

    /** {@code ratePerSecond} units a second for {@code duration}; unit {@code i} is {@code work.apply(i)}. */
    public static Offered openLoop(double ratePerSecond, Duration duration, IntFunction<CompletableFuture<Void>> work) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-open-loop");
            thread.setDaemon(true);
            return thread;
        });
        Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        LongAdder refused = new LongAdder();
        long periodNanos = Math.max(1, (long) (1_000_000_000L / ratePerSecond));
        long begin = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                refused.increment();
                return;
            }
            CompletableFuture<Void> unit = work.apply(next.getAndIncrement());
            inFlight.add(unit);
            unit.whenComplete((ignored, failure) -> inFlight.remove(unit));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        sleep(duration);
        ticker.shutdownNow();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        drain(inFlight);
        return new Offered(next.get(), refused.sum(), elapsed);
    }

    /** {@code workers} loops, each running unit after unit for {@code duration}. */
    public static Offered closedLoop(int workers, Duration duration, IntFunction<CompletableFuture<Void>> work) {
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[workers];
        for (int worker = 0; worker < workers; worker++) {
            int clinic = worker;
            loops[worker] = loop(() -> work.apply(clinic + workers * next.getAndIncrement()), end);
        }
        CompletableFuture.allOf(loops).orTimeout(duration.plus(DRAIN).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> null).join();
        return new Offered(next.get(), 0, Duration.ofNanos(System.nanoTime() - begin));
    }

    private static CompletableFuture<Void> loop(java.util.function.Supplier<CompletableFuture<Void>> unit, long end) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        return unit.get().exceptionally(failure -> null).thenCompose(ignored -> loop(unit, end));
    }

    private static void drain(Set<CompletableFuture<Void>> inFlight) {
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // what is still in flight after the drain time is left; its cases count as not completed
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
