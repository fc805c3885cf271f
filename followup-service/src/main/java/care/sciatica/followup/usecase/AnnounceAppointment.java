package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.appointment.Appointment;
import care.sciatica.followup.domain.webhook.WebhookEventType;
import care.sciatica.followup.webhook.WebhookOutbox;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything an appointment change leaves behind, in the change's own transaction: the contract event in the outbox,
 * the audit entry, and a webhook delivery per interested subscription.
 */
@ApplicationScoped
public class AnnounceAppointment {

    private final Outbox outbox;
    private final AuditLog auditLog;
    private final WebhookOutbox webhooks;
    private final FollowUpMetrics metrics;

    public AnnounceAppointment(Outbox outbox, AuditLog auditLog, WebhookOutbox webhooks,
                               FollowUpMetrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.webhooks = webhooks;
    }

    /**
     * @param event the contract record of the change (AppointmentScheduled, AppointmentConfirmed…)
     * @param actor the caller's subject, or the consumer's name
     */
    public Uni<Void> announce(Appointment appointment, Record event, WebhookEventType type, String actor, Instant at) {
        String detail = "state=" + appointment.state() + " sequence=" + appointment.sequence() + " therapist="
                + appointment.therapistRef() + " start=" + appointment.start();
        return outbox.append(appointment.caseId(), appointment.siteId(), event)
                .chain(() -> auditLog.record(actor, type.wireName(), appointment.siteId(),
                        UUID.fromString(appointment.caseId()), appointment.id().toString(), detail))
                .chain(() -> webhooks.stage(type, appointment, at))
                .invoke(() -> metrics.appointment(appointment, type))
                .replaceWithVoid();
    }
}
