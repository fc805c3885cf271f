package care.sciatica.platform.outbox;

import io.vertx.mutiny.sqlclient.Row;

import java.time.OffsetDateTime;

/** An outbox row waiting to be published. */
record PendingEvent(long id, String eventId, String type, String topic, String key, String source, String subject,
                    OffsetDateTime occurredAt, String payload, String traceParent, OffsetDateTime flowStart) {

    static PendingEvent from(Row row) {
        return new PendingEvent(row.getLong("id"), row.getUUID("event_id").toString(), row.getString("event_type"),
                row.getString("topic"), row.getString("message_key"), row.getString("source"),
                row.getString("subject"), row.getOffsetDateTime("occurred_at"), row.getString("payload"),
                row.getString("trace_parent"), row.getOffsetDateTime("flow_start"));
    }
}
