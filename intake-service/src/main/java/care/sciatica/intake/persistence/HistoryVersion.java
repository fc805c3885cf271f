package care.sciatica.intake.persistence;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.intake.History;
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

    /** An {@link care.sciatica.contracts.intake.AmendmentReason} name; null for version 1. */
    @Column(name = "amendment_reason")
    public String amendmentReason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** A new version of a case's history, recorded now by {@code recordedBy}. */
    public static HistoryVersion of(UUID caseId, int version, int ageYears, History history, String amendmentReason,
                                    String recordedBy, Instant recordedAt) {
        HistoryVersion entry = new HistoryVersion();
        entry.id = UUID.randomUUID();
        entry.caseId = caseId;
        entry.version = version;
        entry.ageYears = ageYears;
        entry.content = new String(EventJson.toBytes(history), StandardCharsets.UTF_8);
        entry.amendmentReason = amendmentReason;
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

    public JsonNode contentJson() {
        try {
            return EventJson.mapper().readTree(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
