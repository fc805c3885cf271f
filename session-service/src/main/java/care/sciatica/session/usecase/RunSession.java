package care.sciatica.session.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.observability.CaseContext;
import care.sciatica.platform.observability.FlowStart;
import care.sciatica.platform.outbox.Outbox;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.domain.SessionEvent;
import care.sciatica.session.domain.SessionEvents;
import care.sciatica.session.domain.SessionRuleViolation;
import care.sciatica.session.domain.SessionSnapshot;
import care.sciatica.session.domain.TreatmentSession;
import care.sciatica.session.persistence.SessionRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Runs one therapist's command on a stored session: rebuild it, let the domain apply or refuse the command, then
 * store the new state, its events, its timeline entries and its audit entry in one transaction. A refused command
 * stores nothing and emits nothing.
 */
@ApplicationScoped
public class RunSession {

    private final SiteScope siteScope;
    private final Outbox outbox;
    private final IdempotentRequests idempotentRequests;
    private final SessionJournal journal;
    private final AuditLog auditLog;
    private final SessionMetrics metrics;
    private final CaseContext caseContext;

    public RunSession(SiteScope siteScope, Outbox outbox, IdempotentRequests idempotentRequests,
                      SessionJournal journal, AuditLog auditLog, SessionMetrics metrics, CaseContext caseContext) {
        this.metrics = metrics;
        this.caseContext = caseContext;
        this.siteScope = siteScope;
        this.outbox = outbox;
        this.idempotentRequests = idempotentRequests;
        this.journal = journal;
        this.auditLog = auditLog;
    }

    /**
     * @param command what the therapist asks of the session, given the moment it is recorded
     * @param request the request body, to recognise a repeated Idempotency-Key
     */
    @WithTransaction
    public Uni<SessionSnapshot> run(UUID sessionId, String operation, String idempotencyKey, Object request,
                                    BiFunction<TreatmentSession, Instant, List<SessionEvent>> command) {
        String scope = "session:" + sessionId + ":" + operation + ":" + siteScope.caller();
        return idempotentRequests.once(scope, idempotencyKey, request, SessionSnapshot.class,
                () -> load(sessionId).chain(row -> apply(row, operation, command)));
    }

    public Uni<SessionRow> load(UUID sessionId) {
        return SessionRow.<SessionRow>findById(sessionId)
                .map(found -> siteScope.visible(found, row -> row.siteId, "session", sessionId));
    }

    private Uni<SessionSnapshot> apply(SessionRow row, String operation,
                                       BiFunction<TreatmentSession, Instant, List<SessionEvent>> command) {
        TreatmentSession session = TreatmentSession.restore(read(row.snapshot));
        List<SessionEvent> events;
        try {
            events = command.apply(session, Instant.now());
        } catch (SessionRuleViolation violation) {
            throw SessionProblems.of(violation);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw ProblemException.invalid("$", invalid.getMessage());
        }
        SessionSnapshot snapshot = session.snapshot();
        row.state = snapshot.state().name();
        row.snapshot = write(snapshot);
        row.updatedAt = Instant.now();
        List<Record> published = SessionEvents.toContract(session, events);
        // The case's flow start and trace travel on with the session's events (REST requests carry neither).
        FlowStart.set(row.flowStart);
        metrics.changed(row.siteId, events);
        return caseContext.continuing("session " + operation, row.caseTraceparent, row.caseId,
                () -> row.<SessionRow>persist().chain(() -> Multi.createFrom().iterable(published)
                        .onItem().transformToUniAndConcatenate(event ->
                                outbox.append(row.caseId.toString(), row.siteId, event))
                        .collect().last())
                .chain(() -> journal.append(row.id, siteScope.caller(), events))
                .chain(() -> auditLog.record(siteScope.caller(), "session." + operation, row.siteId, row.caseId,
                        row.id.toString(), SessionAudit.detail(events, snapshot.state())))
                .replaceWith(snapshot));
    }

    public static SessionSnapshot snapshotOf(SessionRow row) {
        return read(row.snapshot);
    }

    static SessionSnapshot read(String json) {
        try {
            return EventJson.mapper().readValue(json, SessionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(SessionSnapshot snapshot) {
        return new String(EventJson.toBytes(snapshot), StandardCharsets.UTF_8);
    }
}
