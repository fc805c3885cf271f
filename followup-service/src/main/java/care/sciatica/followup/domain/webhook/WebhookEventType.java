package care.sciatica.followup.domain.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The event types a booking system can subscribe to, by the names they carry on the wire ("appointment.confirmed"). */
public enum WebhookEventType {
    APPOINTMENT_SCHEDULED("appointment.scheduled"),
    APPOINTMENT_CONFIRMED("appointment.confirmed"),
    APPOINTMENT_RESCHEDULED("appointment.rescheduled"),
    APPOINTMENT_CANCELLED("appointment.cancelled");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
