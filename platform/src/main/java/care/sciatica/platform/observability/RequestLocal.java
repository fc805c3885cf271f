package care.sciatica.platform.observability;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Optional;

/**
 * Values that belong to the request or event being processed, kept on the current Vert.x (duplicated) context, which
 * every reactive step of one request or one Kafka record shares; outside a Vert.x context there is nothing to keep.
 */
final class RequestLocal {

    private RequestLocal() {
    }

    static void put(String key, Object value) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(key, value);
        }
    }

    static <T> Optional<T> get(String key) {
        Context context = Vertx.currentContext();
        return context == null ? Optional.empty() : Optional.ofNullable(context.getLocal(key));
    }

    static void remove(String key) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.removeLocal(key);
        }
    }
}
