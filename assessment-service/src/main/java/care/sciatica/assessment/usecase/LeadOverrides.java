package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.LeadOverride;
import care.sciatica.assessment.domain.StepParameters;
import care.sciatica.assessment.persistence.OverrideRecord;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.SuitabilityDecision;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Maps a clinical lead's override between the domain and its stored record, so a stored override replays exactly. */
final class LeadOverrides {

    static final String ORIGIN = "ORIGIN";
    static final String SUITABILITY = "SUITABILITY";
    static final String STEP = "STEP";

    private LeadOverrides() {
    }

    static List<LeadOverride> toDomain(List<OverrideRecord> rows) {
        return rows.stream().map(LeadOverrides::toDomain).toList();
    }

    static LeadOverride toDomain(OverrideRecord row) {
        return switch (row.target) {
            case ORIGIN -> new LeadOverride.OfOrigin(Origin.valueOf(row.origin), row.reason);
            case SUITABILITY -> new LeadOverride.OfSuitability(SuitabilityDecision.valueOf(row.decision), row.reason);
            case STEP -> new LeadOverride.OfStep(TreatmentStep.valueOf(row.step), StepStatus.valueOf(row.stepStatus),
                    row.storedParameters() == null ? null : domain(row.storedParameters()), row.reason);
            default -> throw new IllegalStateException("Unknown override target " + row.target);
        };
    }

    static OverrideRecord toRecord(LeadOverride override, UUID caseId, String siteId, int seq, String by,
                                   Instant at, UUID assessmentId) {
        OverrideRecord row = new OverrideRecord();
        row.id = UUID.randomUUID();
        row.caseId = caseId;
        row.siteId = siteId;
        row.seq = seq;
        row.reason = override.reason();
        row.overriddenBy = by;
        row.overriddenAt = at;
        row.assessmentId = assessmentId;
        switch (override) {
            case LeadOverride.OfOrigin origin -> {
                row.target = ORIGIN;
                row.origin = origin.origin().name();
            }
            case LeadOverride.OfSuitability suitability -> {
                row.target = SUITABILITY;
                row.decision = suitability.decision().name();
            }
            case LeadOverride.OfStep step -> {
                row.target = STEP;
                row.step = step.step().name();
                row.stepStatus = step.status().name();
                row.parameters = step.parameters() == null ? null : json(wire(step.parameters()));
            }
        }
        return row;
    }

    /** What was overridden and how, for the audit log and the API: codes only, the reason is kept apart. */
    static String describe(LeadOverride override) {
        return switch (override) {
            case LeadOverride.OfOrigin origin -> "origin -> " + origin.origin();
            case LeadOverride.OfSuitability suitability -> "suitability -> " + suitability.decision();
            case LeadOverride.OfStep step -> "step " + step.step() + " -> " + step.status()
                    + (step.parameters() == null ? "" : " " + json(wire(step.parameters())));
        };
    }

    static PlannedStepParameters wire(StepParameters p) {
        return new PlannedStepParameters(p.maxIceCubes(), p.maxMinutes(), p.heatKind(), p.pressure(), p.regions());
    }

    static StepParameters domain(PlannedStepParameters p) {
        return new StepParameters(p.maxIceCubes(), p.maxMinutes(), p.heatKind(), p.pressure(), p.regions());
    }

    private static String json(Object value) {
        return new String(EventJson.toBytes(value), StandardCharsets.UTF_8);
    }
}
