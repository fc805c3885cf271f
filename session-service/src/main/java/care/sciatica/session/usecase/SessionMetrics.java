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

    /** Counts consent decisions, skipped steps and pain changes among {@code events}. */
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
                        painChange(site, completed.outcome().painAfter() - completed.outcome().painBefore());
                case SessionEvent.EndedEarly ended when ended.painBefore() != null && ended.painAfter() != null ->
                        painChange(site, ended.painAfter() - ended.painBefore());
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

    private void painChange(String site, int change) {
        AfterCommit.run(() -> DistributionSummary.builder("sciatica.pain.change")
                .description("Pain after minus pain before, 0-10 scale; negative is better")
                .tag("site", site).register(registry).record(change));
    }

    private static String label(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
