package care.sciatica.intake.persistence;

import care.sciatica.intake.domain.Episode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A follow-up visit of a case: opened when the patient came, reviewed once by a new history version. */
@Entity
@Table(name = "visit")
@IdClass(FollowUpVisit.Key.class)
public class FollowUpVisit extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    /** The visit of the episode: 2 is the first follow-up visit. */
    @Id
    @Column(name = "visit")
    public int number;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** The history version that recorded the visit's review; null while the visit is open. */
    @Column(name = "reviewed_history_version")
    public Integer reviewedHistoryVersion;

    public static FollowUpVisit started(UUID caseId, int number, UUID appointmentId, Instant startedAt) {
        FollowUpVisit visit = new FollowUpVisit();
        visit.caseId = caseId;
        visit.number = number;
        visit.appointmentId = appointmentId;
        visit.startedAt = startedAt;
        return visit;
    }

    /** The case's visits, oldest first. */
    public static Uni<List<FollowUpVisit>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by number", caseId);
    }

    /** Every visit of these cases, by case and visit. */
    public static Uni<List<FollowUpVisit>> ofCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("caseId in ?1 order by caseId, number", caseIds);
    }

    /** The case's visits as the domain judges them. */
    public static Episode episode(List<FollowUpVisit> visits) {
        return new Episode(visits.stream()
                .map(visit -> new Episode.Visit(visit.number, visit.appointmentId,
                        visit.reviewedHistoryVersion != null))
                .toList());
    }

    /** The composite key: case and visit number. */
    public static class Key implements Serializable {

        public UUID caseId;
        public int number;

        public Key() {
        }

        public Key(UUID caseId, int number) {
            this.caseId = caseId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.number == number && Objects.equals(key.caseId, caseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, number);
        }
    }
}
