package care.sciatica.intake.persistence;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.intake.History;
import care.sciatica.intake.domain.HistoryKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** A {@link HistoryKind} name: what made this version. */
    @Column(nullable = false)
    public String kind;

    /** An {@link care.sciatica.contracts.intake.AmendmentReason} name; null unless the version is an amendment. */
    @Column(name = "amendment_reason")
    public String amendmentReason;

    /** The follow-up visit whose review this version records; null unless it is a review. */
    public Integer visit;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Version 1: the history taken at intake. */
    public static HistoryVersion first(UUID caseId, int ageYears, History history, String recordedBy,
                                       Instant recordedAt) {
        return of(caseId, 1, ageYears, history, HistoryKind.INTAKE, recordedBy, recordedAt);
    }

    /** A version that corrects or extends the one before it, for {@code amendmentReason}. */
    public static HistoryVersion amendment(UUID caseId, int version, int ageYears, History history,
                                           String amendmentReason, String recordedBy, Instant recordedAt) {
        HistoryVersion entry = of(caseId, version, ageYears, history, HistoryKind.AMENDMENT, recordedBy, recordedAt);
        entry.amendmentReason = amendmentReason;
        return entry;
    }

    /** A version that records the review at follow-up visit {@code visit}. */
    public static HistoryVersion review(UUID caseId, int version, int ageYears, History history, int visit,
                                        String recordedBy, Instant recordedAt) {
        HistoryVersion entry = of(caseId, version, ageYears, history, HistoryKind.FOLLOW_UP_REVIEW, recordedBy,
                recordedAt);
        entry.visit = visit;
        return entry;
    }

    private static HistoryVersion of(UUID caseId, int version, int ageYears, History history, HistoryKind kind,
                                     String recordedBy, Instant recordedAt) {
        HistoryVersion entry = new HistoryVersion();
        entry.id = UUID.randomUUID();
        entry.caseId = caseId;
        entry.version = version;
        entry.ageYears = ageYears;
        entry.content = new String(EventJson.toBytes(history), StandardCharsets.UTF_8);
        entry.kind = kind.name();
        entry.recordedBy = recordedBy;
        entry.recordedAt = recordedAt;
        return entry;
    }

    /** Every version of these cases' histories, by case and version. */
    public static Uni<List<HistoryVersion>> ofCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("caseId in ?1 order by caseId, version", caseIds);
    }

    /** The case's newest version, or null before its history is recorded. */
    public static Uni<HistoryVersion> latest(UUID caseId) {
        return find("caseId = ?1 order by version desc", caseId).firstResult();
    }

    /** The stored history as the catalogue's record. */
    public History history() {
        try {
            return EventJson.mapper().readValue(content, History.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode contentJson() {
        try {
            return EventJson.mapper().readTree(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
