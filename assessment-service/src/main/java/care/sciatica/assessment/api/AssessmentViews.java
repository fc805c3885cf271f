package care.sciatica.assessment.api;

import care.sciatica.assessment.persistence.AssessmentRecord;
import care.sciatica.assessment.persistence.OverrideRecord;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Maps stored assessments to what the API shows, explicitly, so no entity goes on the wire. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public static AssessmentView view(AssessmentRecord row, List<OverrideRecord> overrides) {
        return new AssessmentView(row.id, row.caseId, row.siteId, row.historyVersion, row.planVersion,
                row.supersedesPlanVersion, row.disposition, row.status, row.rulesVersion, row.assessedAt,
                row.producedBy, reasoning(row), overrides.stream().map(AssessmentViews::override).toList(), row.visit);
    }

    public static AssessmentSummary summary(AssessmentRecord row) {
        return new AssessmentSummary(row.id, row.caseId, row.siteId, row.patientRef, row.historyVersion,
                row.planVersion, row.disposition, row.status, row.primaryOrigin, row.urgency, row.rulesVersion,
                row.assessedAt, row.visit);
    }

    /** The reasoning as it was published: the stored event data is the record of what the plan said. */
    static AssessmentReasoning reasoning(AssessmentRecord row) {
        EventType type = EventType.of(row.eventType).orElseThrow(() -> new IllegalStateException(
                "Assessment " + row.id + " has an unknown event type " + row.eventType));
        return AssessmentReasoning.of(EventJson.fromBytes(row.content.getBytes(StandardCharsets.UTF_8), type));
    }

    private static OverrideView override(OverrideRecord row) {
        return new OverrideView(row.seq, OverrideRequest.Target.valueOf(row.target), row.origin, row.decision,
                row.step, row.stepStatus, row.storedParameters(), row.reason, row.overriddenBy, row.overriddenAt,
                row.assessmentId);
    }
}
