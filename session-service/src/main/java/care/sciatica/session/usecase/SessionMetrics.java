package care.sciatica.session.usecase;

import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.platform.observability.FlowTimers;
import care.sciatica.session.domain.SessionEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The session service's business metrics (deploy/grafana/METRICS.md), read from the domain events a command produced
 * and counted once its transaction has committed; a refused command produces no events and counts nothing.
 */
@ApplicationScoped
public class SessionMetrics {

    private final MeterRegistry registry;
    private final FlowTimers flows;

    public SessionMetrics(MeterRegistry registry, FlowTimers flows) {
        this.registry = registry;
        this.flows = flows;
    }

    /** Times plan → session, from the plan's arrival to the session's opening. */
    void opened(String site, Instant planReceivedAt, Instant openedAt) {
        flows.record(site, "plan", "session", planReceivedAt, openedAt);
    }

    /** Counts consent decisions, skipped steps and pain before/after among {@code events}. */
    void changed(String site, List<SessionEvent> events) {
        for (SessionEvent event : events) {
            switch (event) {
                case SessionEvent.ConsentDecided decided -> count("sciatica.consent", site,
                        "decision", label(decided.consent().decision().name()));
                case SessionEvent.StepRecorded recorded when recorded.step().outcome() == StepOutcome.SKIPPED ->
                        count("sciatica.steps.skipped", site, "step", label(recorded.step().step().name()),
                                "reason", recorded.step().deviationReason() == null
                                        ? "unspecified" : label(recorded.step().deviationReason().name()));
                case SessionEvent.Completed completed ->
                        pain(site, completed.outcome().painBefore(), completed.outcome().painAfter());
                case SessionEvent.EndedEarly ended when ended.painBefore() != null && ended.painAfter() != null ->
                        pain(site, ended.painBefore(), ended.painAfter());
                default -> {
                    // Other events change only the session's own record.
                }
            }
        }
    }

    private void count(String name, String site, String... tags) {
        String[] all = new String[tags.length + 2];
        all[0] = "site";
        all[1] = site;
        System.arraycopy(tags, 0, all, 2, tags.length);
        AfterCommit.run(() -> registry.counter(name, all).increment());
    }

    /**
     * Records a session's pain scores before and after as two summaries (Micrometer ignores negative amounts, so the
     * change itself, negative when the patient got better, cannot be a summary) and counts which way the pain went.
     */
    private void pain(String site, int before, int after) {
        count("sciatica.pain.change", site, "direction", direction(after - before));
        AfterCommit.run(() -> {
            painScore(site, "before").record(before);
            painScore(site, "after").record(after);
        });
    }

    private DistributionSummary painScore(String site, String moment) {
        return DistributionSummary.builder("sciatica.pain.score")
                .description("Pain (NRS 0-10) of sessions with a score before and after; moment = before or after")
                .tags("site", site, "moment", moment).register(registry);
    }

    static String direction(int change) {
        return change < 0 ? "better" : change > 0 ? "worse" : "unchanged";
    }

    private static String label(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
