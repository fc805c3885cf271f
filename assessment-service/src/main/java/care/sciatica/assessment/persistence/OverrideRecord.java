package care.sciatica.assessment.persistence;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One clinical-lead override of a case, with the lead's own reason (kept here and in the audit log, never in an
 * event); a case's overrides, in order, are replayed over every later assessment of it.
 */
@Entity
@Table(name = "assessment_override")
public class OverrideRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID caseId;
    public String siteId;
    public int seq;
    /** ORIGIN, SUITABILITY or STEP. */
    public String target;
    public String origin;
    public String decision;
    public String step;
    public String stepStatus;
    /** The step parameters the lead chose, as JSON; null keeps the planned ones. */
    public String parameters;
    public String reason;
    public String overriddenBy;
    public Instant overriddenAt;
    /** The assessment (plan version) this override produced. */
    public UUID assessmentId;

    /** The stored step parameters, or null when the lead kept the planned ones. */
    public PlannedStepParameters storedParameters() {
        try {
            return parameters == null ? null : EventJson.mapper().readValue(parameters, PlannedStepParameters.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Uni<List<OverrideRecord>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by seq", caseId);
    }
}
