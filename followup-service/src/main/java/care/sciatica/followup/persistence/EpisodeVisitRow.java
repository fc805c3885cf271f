package care.sciatica.followup.persistence;

import care.sciatica.contracts.common.OutcomeScores;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One visit of an episode: visit 1 is the intake's (its scores are the baseline), later ones start when a follow-up
 * appointment is attended. A visit is open until its session has ended; then the policy's decision is recorded.
 */
@Entity
@Table(name = "episode_visit")
public class EpisodeVisitRow extends PanacheEntityBase {

    public static final String COMPLETED = "COMPLETED";
    public static final String ENDED_EARLY = "ENDED_EARLY";
    public static final String REFERRED = "REFERRED";

    @Id
    public UUID id;
    public UUID caseId;
    public int visit;
    public UUID appointmentId;
    public Instant startedAt;
    public Integer painNrs;
    public Integer odi;
    public Integer rmdq;
    public Instant reviewedAt;
    public Integer planVersion;
    /** The protocol steps performed, comma-separated TreatmentStep names. */
    public String stepsDone;
    public String sessionEvent;
    public String sessionEnded;
    public Instant sessionAt;
    public Boolean micReached;
    public String decision;
    public Instant decidedAt;

    public static EpisodeVisitRow start(UUID caseId, int visit, UUID appointmentId, Instant at) {
        EpisodeVisitRow row = new EpisodeVisitRow();
        row.id = UUID.randomUUID();
        row.caseId = caseId;
        row.visit = visit;
        row.appointmentId = appointmentId;
        row.startedAt = at;
        return row;
    }

    /** The episode's visits, first visit first. */
    public static Uni<List<EpisodeVisitRow>> of(UUID caseId) {
        return list("caseId = ?1 order by visit", caseId);
    }

    public OutcomeScores scores() {
        return painNrs == null ? null : new OutcomeScores(painNrs, odi, rmdq);
    }

    public boolean isOpen() {
        return sessionEnded == null;
    }
}
