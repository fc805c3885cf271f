package care.sciatica.platform.observability;

import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Defers work, such as incrementing a business counter, until the transaction that justified it has committed, so a
 * refused or rolled-back command is never counted. {@link #scope} wraps a unit of work that ends with its commit
 * (the Inbox does it for every event; a REST resource around a {@code @WithTransaction} use case); {@link #run}
 * registers an action in the innermost scope, or runs it at once where there is no scope.
 */
public final class AfterCommit {

    private static final String KEY = "sciatica.afterCommit";

    private AfterCommit() {
    }

    /** Runs {@code action} once the enclosing scope has succeeded. */
    public static void run(Runnable action) {
        RequestLocal.<List<Runnable>>get(KEY).ifPresentOrElse(actions -> actions.add(action), action);
    }

    /** Runs {@code work} (which commits when it succeeds) and then the actions registered while it ran. */
    public static <T> Uni<T> scope(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            List<Runnable> actions = new ArrayList<>();
            RequestLocal.put(KEY, actions);
            return work.get()
                    .onItem().invoke(ignored -> actions.forEach(Runnable::run))
                    .onTermination().invoke(() -> RequestLocal.remove(KEY));
        });
    }
}
