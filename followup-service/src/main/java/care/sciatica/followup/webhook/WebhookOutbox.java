package care.sciatica.followup.webhook;

import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.webhook.WebhookEventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stages one webhook delivery per enabled subscription of the appointment's site that wants the event type. Call it
 * inside the appointment change's transaction: the deliveries exist if and only if the change was committed. The
 * subscriptions are share-locked, so a 410 disabling one at the same moment either comes first (nothing is staged) or
 * waits for this commit and then ends what was staged.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final String STAGE = """
            INSERT INTO webhook_delivery (id, subscription_id, site_id, event_type, appointment_id, payload, status,
                                          attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), s.id, s.site_id, ?1, ?2, ?3, 'PENDING', 0, now(), now()
            FROM webhook_subscription s
            WHERE s.site_id = ?4 AND s.enabled AND ?5 = ANY (string_to_array(s.event_types, ','))
            FOR SHARE OF s""";

    private final ObjectMapper json;

    public WebhookOutbox(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Integer> stage(WebhookEventType type, Appointment appointment, Instant occurredAt) {
        String payload = payload(type, appointment, occurredAt);
        return Panache.getSession().chain(session -> session.createNativeQuery(STAGE)
                .setParameter(1, type.wireName())
                .setParameter(2, appointment.id())
                .setParameter(3, payload)
                .setParameter(4, appointment.siteId())
                .setParameter(5, type.wireName())
                .executeUpdate());
    }

    /**
     * A thin payload, as Standard Webhooks recommends: what changed and where to read it, no patient reference, so
     * that the receiver fetches the details through the audited FHIR API.
     */
    String payload(WebhookEventType type, Appointment appointment, Instant occurredAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("appointmentId", appointment.id().toString());
        data.put("siteId", appointment.siteId());
        data.put("status", appointment.state().name());
        data.put("sequence", appointment.sequence());
        data.put("fhir", "/fhir/Appointment/" + appointment.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", occurredAt.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook payload", e);
        }
    }
}
