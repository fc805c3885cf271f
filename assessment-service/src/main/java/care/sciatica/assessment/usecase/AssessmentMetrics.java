package care.sciatica.assessment.usecase;

import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.platform.observability.FlowTimers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;

/** The assessment service's business metrics (deploy/grafana/METRICS.md), counted once the assessment has committed. */
@ApplicationScoped
public class AssessmentMetrics {

    private final MeterRegistry registry;
    private final FlowTimers flows;

    public AssessmentMetrics(MeterRegistry registry, FlowTimers flows) {
        this.registry = registry;
        this.flows = flows;
    }

    /** Counts a published assessment by origin and disposition, and a referral by urgency. */
    void published(AssessmentRecord row) {
        String site = row.siteId;
        String origin = label(row.primaryOrigin == null ? "undetermined" : row.primaryOrigin);
        String disposition = label(row.disposition);
        String urgency = row.urgency == null ? null : label(row.urgency);
        AfterCommit.run(() -> {
            registry.counter("sciatica.assessments", "site", site, "origin", origin, "disposition", disposition)
                    .increment();
            if (urgency != null) {
                registry.counter("sciatica.referrals", "site", site, "urgency", urgency).increment();
            }
        });
    }

    /** Times intake → plan, from the history's recording to the plan's publication. */
    void planned(AssessmentRecord row, Instant historyRecordedAt) {
        if (PublishAssessment.PLAN.equals(row.disposition)) {
            flows.record(row.siteId, "intake", "plan", historyRecordedAt, row.assessedAt);
        }
    }

    private static String label(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
