package care.sciatica.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One version of a case's history; amendments add versions, none is ever overwritten. */
@Entity
@Table(name = "history_version")
public class HistoryVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public int version;

    @Column(name = "age_years", nullable = false)
    public int ageYears;

    /** The catalogue's History record as JSON: typed clinical values only. */
    @Column(nullable = false)
    public String content;

    @Column(name = "amendment_reason")
    public String amendmentReason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
