package care.sciatica.followup.persistence;

import care.sciatica.contracts.common.OutcomeScores;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A case's episode of care: its baseline scores, whether it is open, and whether a clinical lead should look. */
@Entity
@Table(name = "episode")
public class EpisodeRow extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String DISCHARGED = "DISCHARGED";
    public static final String REFERRED = "REFERRED";
    public static final String LAPSED = "LAPSED";

    @Id
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public String status;
    public Integer baselineNrs;
    public Integer baselineOdi;
    public Integer baselineRmdq;
    public boolean flaggedForLead;
    /** The episode policy version that closed the episode. */
    public String policyVersion;
    public Instant openedAt;
    public Instant closedAt;
    /** The clinical lead's latest decision on a flagged episode: CONTINUE, CHANGE_PLAN or REFER. */
    public String leadDecision;
    public String leadDecisionReason;
    public String leadDecidedBy;
    public Instant leadDecidedAt;

    /** The intake's baseline scores, or null when the history-recorded event has not been seen. */
    public OutcomeScores baseline() {
        return baselineNrs == null ? null : new OutcomeScores(baselineNrs, baselineOdi, baselineRmdq);
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }
}
