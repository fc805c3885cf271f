package care.sciatica.intake.usecase;

import care.sciatica.contracts.common.OutcomeScores;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.NeurologicalChange;
import care.sciatica.contracts.intake.Observation;
import care.sciatica.contracts.intake.Pain;
import care.sciatica.contracts.intake.RedFlags;
import care.sciatica.contracts.intake.VisitReview;
import care.sciatica.contracts.intake.VisitReviewed;
import care.sciatica.intake.api.ReviewRequest;
import care.sciatica.intake.api.VisitReviewRecorded;
import care.sciatica.intake.domain.Ages;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.FollowUpVisit;
import care.sciatica.intake.persistence.HistoryVersion;
import care.sciatica.intake.persistence.Patient;
import care.sciatica.platform.audit.AuditLog;
import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.outbox.Outbox;
import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records the review at a follow-up visit: a complete new history version that supersedes the latest one, with the
 * pain now, the red-flag screen asked again and (when taken again) the observation; the baseline stays the intake's.
 * The visit is closed by it, and a visit-reviewed event announces it, so the case is assessed again for this visit.
 */
@ApplicationScoped
public class ReviewVisit {

    private final SiteScope siteScope;
    private final Visible visible;
    private final Outbox outbox;
    private final IdempotentRequests idempotentRequests;
    private final AuditLog auditLog;
    private final ClinicClock clock;

    public ReviewVisit(SiteScope siteScope, Visible visible, Outbox outbox, IdempotentRequests idempotentRequests,
                       AuditLog auditLog, ClinicClock clock) {
        this.siteScope = siteScope;
        this.visible = visible;
        this.outbox = outbox;
        this.idempotentRequests = idempotentRequests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the review says, read and checked before anything is looked up. */
    private record Review(int visit, OutcomeScores scores, RedFlags redFlags, Observation observation,
                          NeurologicalChange neurologicalChange) {
    }

    @WithTransaction
    public Uni<VisitReviewRecorded> review(UUID caseId, ReviewRequest request, String idempotencyKey) {
        Review review = read(request);
        return idempotentRequests.once("cases:" + caseId + ":reviews:" + siteScope.caller(), idempotencyKey,
                request, VisitReviewRecorded.class, () -> visible.careCaseForWrite(caseId)
                        .chain(careCase -> Patient.<Patient>findById(careCase.patientId)
                                .chain(patient -> HistoryVersion.latest(caseId)
                                        .chain(latest -> FollowUpVisit.ofCase(caseId)
                                                .chain(visits -> review(careCase, patient, latest, visits,
                                                        review))))));
    }

    private static Review read(ReviewRequest request) {
        RedFlags redFlags = HistoryForms.readPart("redFlags", request.redFlags(), RedFlags.class);
        Observation observation = request.observation() == null ? null
                : HistoryForms.readPart("observation", request.observation(), Observation.class);
        ReviewRequest.Scores scores = request.scores();
        ReviewRequest.NeurologicalChange change = request.neurologicalChange();
        return new Review(request.visit(), new OutcomeScores(scores.painNrs(), scores.odi(), scores.rmdq()), redFlags,
                observation, new NeurologicalChange(change.power(), change.sensation(), change.reflexes()));
    }

    private Uni<VisitReviewRecorded> review(CareCase careCase, Patient patient, HistoryVersion latest,
                                            List<FollowUpVisit> visits, Review review) {
        if (latest == null) {
            throw ProblemException.conflict("history-not-recorded", "Case " + careCase.id
                    + " has no history yet; record it first (POST /cases/" + careCase.id + "/history)");
        }
        FollowUpVisit.episode(visits).refusalToReview(review.visit()).ifPresent(refusal -> {
            throw ProblemException.conflict(refusal.type(), refusal.detail());
        });
        FollowUpVisit visit = visits.stream().filter(v -> v.number == review.visit()).findFirst().orElseThrow();
        Instant now = clock.now();
        // After an erasure the birth date is gone; the age stays as the last version recorded it.
        int ageYears = patient.birthDate == null ? latest.ageYears : Ages.on(clock.today(), patient.birthDate);
        History history = reviewed(latest.history(), review);
        HistoryVersion version = HistoryVersion.review(careCase.id, latest.version + 1, ageYears, history,
                review.visit(), siteScope.caller(), now);
        visit.reviewedHistoryVersion = version.version;
        VisitReviewed event = new VisitReviewed(careCase.id.toString(), careCase.siteId, patient.patientRef, now,
                version.version, latest.version, review.visit(), careCase.refs(), ageYears,
                new VisitReview(review.scores(), review.neurologicalChange()), history);
        return version.persist()
                .call(() -> outbox.append(careCase.id.toString(), careCase.siteId, event))
                .call(() -> auditLog.record(siteScope.caller(), "visit.reviewed", careCase.siteId, careCase.id,
                        patient.patientRef, "visit=" + review.visit() + " version=" + version.version
                                + " supersedes=" + latest.version))
                .replaceWith(() -> new VisitReviewRecorded(careCase.id, review.visit(), version.version,
                        latest.version, now));
    }

    /**
     * The latest history as of this visit: the pain now (the worst pain raised to it when it is higher), the screen
     * asked again, the observation if taken again.
     */
    private static History reviewed(History latest, Review review) {
        Pain pain = latest.pain();
        int nrsNow = review.scores().painNrs();
        Pain now = new Pain(pain.side(), pain.distribution(), nrsNow, Math.max(pain.nrsWorst(), nrsNow),
                pain.aggravatingFactors(), pain.easingFactors(), pain.nightPain());
        Observation observation = review.observation() == null ? latest.observation() : review.observation();
        return new History(latest.onset(), now, latest.surgery(), latest.conditions(), review.redFlags(), observation,
                latest.examination(), latest.baselineOutcomes());
    }
}
