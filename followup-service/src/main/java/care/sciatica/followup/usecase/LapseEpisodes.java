package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.episode.JudgeEpisode;
import care.sciatica.platform.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The patient stopped coming: an open episode whose latest appointment is a no-show older than the episode policy's
 * rebooking window, with nothing booked since, lapses (the no-show already opened a call task). Housekeeping on a slow
 * timer, one statement per sweep, never in an event's or a request's path.
 */
@ApplicationScoped
public class LapseEpisodes {

    private static final Logger LOG = Logger.getLogger(LapseEpisodes.class);
    private static final String LAPSE = """
            WITH latest AS (
                SELECT DISTINCT ON (case_id) case_id, state, starts_at FROM appointment
                WHERE state <> 'CANCELLED' ORDER BY case_id, starts_at DESC)
            UPDATE episode e SET status = 'LAPSED', closed_at = ?1, policy_version = ?2
            FROM latest l
            WHERE l.case_id = e.case_id AND e.status = 'OPEN' AND l.state = 'NO_SHOW' AND l.starts_at < ?3
            RETURNING e.case_id, e.site_id""";

    private final JudgeEpisode judge;
    private final AuditLog auditLog;
    private final Vertx vertx;
    private final Duration every;
    private volatile long timerId = -1;

    public LapseEpisodes(JudgeEpisode judge, AuditLog auditLog, Vertx vertx,
                         @ConfigProperty(name = "sciatica.followup.episodes.lapse-check", defaultValue = "1h")
                         Duration every) {
        this.judge = judge;
        this.auditLog = auditLog;
        this.vertx = vertx;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(every.toMillis(), id -> sweep(Instant.now()).subscribe().with(
                lapsed -> { }, failure -> LOG.warnf("Lapse check failed: %s", failure.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /**
     * Lapses the episodes the policy says have stopped, as of {@code now}; answers how many. Runs on a duplicated
     * Vert.x context of its own (a timer's or a test's thread has none), as Hibernate Reactive requires.
     */
    public Uni<Integer> sweep(Instant now) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            try {
                lapse(now).subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }

    private Uni<Integer> lapse(Instant now) {
        Instant missedBefore = now.minus(Duration.ofDays(judge.policy().lapse().rebookWithinDays()));
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(LAPSE, Object[].class)
                        .setParameter(1, now)
                        .setParameter(2, judge.policy().version())
                        .setParameter(3, missedBefore)
                        .getResultList())
                .call(rows -> audit(rows))
                .map(List::size));
    }

    private Uni<Void> audit(List<Object[]> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object[] row : rows) {
            UUID caseId = (UUID) row[0];
            String siteId = (String) row[1];
            chain = chain.chain(() -> auditLog.record(PlanFollowUp.ACTOR, "episode.lapsed", siteId, caseId,
                    caseId.toString(), "policy=" + judge.policy().version() + " rule=lapse rebookWithinDays="
                            + judge.policy().lapse().rebookWithinDays()));
        }
        return chain;
    }
}
