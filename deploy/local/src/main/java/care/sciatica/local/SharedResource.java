package care.sciatica.local;

import java.util.function.Supplier;

/**
 * A lazily started resource shared by every user in one JVM (e.g. several test classes), reference-counted and
 * stopped by a JVM shutdown hook.
 *
 * <p>When the count drops to zero the resource keeps running: Quarkus stops and restarts test resources whenever
 * consecutive test classes use different resources, and restarting Keycloak costs half a minute. It is stopped when
 * the JVM exits (the hook) or explicitly through {@link #stopIfUnused()}.
 */
final class SharedResource<T extends AutoCloseable> {

    private final String name;
    private final Supplier<T> factory;
    private T instance;
    private int users;
    private boolean hookRegistered;

    SharedResource(String name, Supplier<T> factory) {
        this.name = name;
        this.factory = factory;
    }

    /** Returns the running instance, starting it for the first user. */
    synchronized T acquire() {
        if (instance == null) {
            instance = factory.get();
            if (!hookRegistered) {
                hookRegistered = true;
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + name));
            }
        }
        users++;
        return instance;
    }

    /** One user is done with the resource. */
    synchronized void release() {
        if (users > 0) {
            users--;
        }
    }

    /** Stops the resource now if nobody uses it; returns whether it was stopped. */
    synchronized boolean stopIfUnused() {
        if (users > 0) {
            return false;
        }
        stop();
        return true;
    }

    synchronized int users() {
        return users;
    }

    private synchronized void stop() {
        if (instance == null) {
            return;
        }
        T closing = instance;
        instance = null;
        try {
            closing.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + name + ": " + e);
        }
    }
}
