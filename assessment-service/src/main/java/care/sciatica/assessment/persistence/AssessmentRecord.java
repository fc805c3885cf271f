package care.sciatica.assessment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One assessment of one history version: a plan or a referral, with the event data it produced. */
@Entity
@Table(name = "assessment")
public class AssessmentRecord extends PanacheEntityBase {

    public static final String CURRENT = "CURRENT";
    public static final String SUPERSEDED = "SUPERSEDED";

    @Id
    public UUID id;
    public UUID caseId;
    public String siteId;
    public String patientRef;
    public int historyVersion;
    public Integer planVersion;
    public Integer supersedesPlanVersion;
    public String disposition;
    public String status;
    public String primaryOrigin;
    public String urgency;
    public String rulesVersion;
    public String eventType;
    /** The plan-issued or referral-required event data, as published. */
    public String content;
    public Instant assessedAt;
    /** The history JSON, age and day the assessment was computed from: what an override re-assesses. */
    public String history;
    public Integer ageYears;
    public LocalDate assessedOn;
    /** The visit of the episode this assessment is for: 1 at intake, 2 and later at follow-up visits. */
    public int visit = 1;
    /** At a follow-up visit, the review's change in the neurological signs as JSON; null at intake. */
    public String neurologicalChange;
    /** The consumer (for an assessment of a history event) or the clinical lead whose override produced it. */
    public String producedBy;

    public static Uni<AssessmentRecord> current(UUID caseId) {
        return find("caseId = ?1 and status = ?2", caseId, CURRENT).firstResult();
    }

    /** The current assessment, locked until the transaction ends, so an override and an amendment never race. */
    public static Uni<AssessmentRecord> currentForUpdate(UUID caseId) {
        return find("caseId = ?1 and status = ?2", caseId, CURRENT).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** One page of a site list, newest first; a null status or disposition does not narrow. */
    public static Uni<List<AssessmentRecord>> page(Set<String> sites, String status, String disposition,
                                                   int page, int size) {
        return find(listQuery(status, disposition) + " order by assessedAt desc, id",
                listParameters(sites, status, disposition)).page(page, size).list();
    }

    public static Uni<Long> countListed(Set<String> sites, String status, String disposition) {
        return count(listQuery(status, disposition), listParameters(sites, status, disposition));
    }

    private static String listQuery(String status, String disposition) {
        return "siteId in :sites" + (status == null ? "" : " and status = :status")
                + (disposition == null ? "" : " and disposition = :disposition");
    }

    private static Map<String, Object> listParameters(Set<String> sites, String status, String disposition) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sites", sites);
        if (status != null) {
            parameters.put("status", status);
        }
        if (disposition != null) {
            parameters.put("disposition", disposition);
        }
        return parameters;
    }

    /** The case's latest plan, current or superseded (a referral may have come after it); null if it has none. */
    public static Uni<AssessmentRecord> latestPlan(UUID caseId) {
        return find("caseId = ?1 and disposition = 'PLAN' order by planVersion desc", caseId).firstResult();
    }

    public static Uni<Long> plansOf(UUID caseId) {
        return count("caseId = ?1 and disposition = 'PLAN'", caseId);
    }
}
