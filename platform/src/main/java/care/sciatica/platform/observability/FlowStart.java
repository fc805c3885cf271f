package care.sciatica.platform.observability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When the case's flow began (the intake), carried beside the events as the CloudEvents extension attribute
 * {@code flowstart} ({@code ce_flowstart} header): the Inbox makes an incoming event's value current, the Outbox stamps
 * it on every event appended while it is current, and stamps the event's own time when nothing is current, so the first
 * event of a chain starts the flow. A service that crosses a REST step keeps it with its own state and sets it again.
 */
public final class FlowStart {

    /** The Kafka header in CloudEvents binary mode. */
    public static final String HEADER = "ce_flowstart";

    private static final String KEY = "sciatica.flowStart";

    private FlowStart() {
    }

    /** Makes {@code start} the flow start of what the current request or event appends; null clears nothing. */
    public static void set(Instant start) {
        if (start != null) {
            RequestLocal.put(KEY, start);
        }
    }

    /** The current flow start, if an incoming event or the service set one. */
    public static Optional<Instant> current() {
        return RequestLocal.get(KEY);
    }

    static void clear() {
        RequestLocal.remove(KEY);
    }

    static Optional<Instant> parse(String header) {
        try {
            return Optional.of(OffsetDateTime.parse(header).toInstant());
        } catch (RuntimeException unreadable) {
            // A broken extension attribute must not make the event poison: it only costs a flow measurement.
            return Optional.empty();
        }
    }
}
