package care.sciatica.session.domain;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.session.ConsentRecorded;
import care.sciatica.contracts.session.PerformedStepParameters;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.contracts.session.SkippedStep;
import care.sciatica.contracts.session.StepPerformed;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a session decided into the catalogue's events: consent recorded, step performed, session completed and
 * session ended early. Explanations, pain scores, heat removal and advice stay in the session's own record until the
 * outcome carries them, and so do the deviations the session flags; overrides' reasons and notes never leave the
 * service.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    /** The catalogue events for what a command on this session returned, in the same order. */
    public static List<Record> toContract(TreatmentSession session, List<SessionEvent> events) {
        return events.stream()
                .flatMap(event -> toContract(session.identity(), session.plan(), event).stream())
                .toList();
    }

    /** The catalogue event for one session event, or empty when other services do not need it. */
    public static Optional<Record> toContract(SessionIdentity id, TreatmentPlan plan, SessionEvent event) {
        return switch (event) {
            case SessionEvent.ConsentDecided decided -> Optional.of(consentRecorded(id, plan, decided));
            case SessionEvent.StepRecorded recorded -> Optional.of(stepPerformed(id, recorded.step()));
            case SessionEvent.Completed completed -> Optional.of(sessionCompleted(id, plan, completed));
            case SessionEvent.EndedEarly ended -> Optional.of(sessionEndedEarly(id, plan, ended));
            case SessionEvent.Explained explained -> Optional.empty();
            case SessionEvent.PainScored scored -> Optional.empty();
            case SessionEvent.HeatRemoved removed -> Optional.empty();
            case SessionEvent.AdviceGiven given -> Optional.empty();
            case SessionEvent.DeviationFlagged flagged -> Optional.empty();
        };
    }

    static ConsentRecorded consentRecorded(SessionIdentity id, TreatmentPlan plan,
            SessionEvent.ConsentDecided decided) {
        Consent consent = decided.consent();
        return new ConsentRecorded(id.caseId(), id.siteId(), id.patientRef(), consent.at(), id.sessionId(),
                plan.planVersion(), consent.decision(), consent.method(), decided.explanationGiven(),
                decided.questionsAnswered());
    }

    static StepPerformed stepPerformed(SessionIdentity id, PerformedStep step) {
        return new StepPerformed(id.caseId(), id.siteId(), id.patientRef(), step.recordedAt(), id.sessionId(),
                step.sequence(), step.step(), step.outcome(), parameters(step.parameters()), step.deviationReason());
    }

    static SessionCompleted sessionCompleted(SessionIdentity id, TreatmentPlan plan, SessionEvent.Completed completed) {
        SessionOutcome outcome = completed.outcome();
        return new SessionCompleted(id.caseId(), id.siteId(), id.patientRef(), completed.at(), id.sessionId(),
                plan.planVersion(), plan.visit(), plan.primaryOrigin(), id.therapistRef(), outcome.painBefore(), outcome.painAfter(),
                outcome.painChange(), outcome.stepsPerformed(),
                outcome.stepsSkipped().stream().map(skip -> new SkippedStep(skip.step(), skip.reason())).toList(),
                outcome.adviceGiven(), completed.at());
    }

    static SessionEndedEarly sessionEndedEarly(SessionIdentity id, TreatmentPlan plan, SessionEvent.EndedEarly ended) {
        return new SessionEndedEarly(id.caseId(), id.siteId(), id.patientRef(), ended.at(), id.sessionId(),
                plan.planVersion(), plan.visit(), id.therapistRef(), ended.endState(), ended.reason(), ended.stepsPerformed(),
                ended.painBefore(), ended.painAfter(), ended.at());
    }

    /** What was applied, with empty lists left out so that only the fields relevant to the step are present. */
    static PerformedStepParameters parameters(StepParameters applied) {
        return new PerformedStepParameters(presentOrNull(applied.sites()), applied.iceCubesAtOnce(), applied.minutes(),
                applied.heatKind(), applied.heatAppliedAt(), applied.heatRemovedAt(), presentOrNull(applied.regions()),
                applied.pressure(), applied.technique());
    }

    private static List<BodySite> presentOrNull(List<BodySite> sites) {
        return sites.isEmpty() ? null : sites;
    }
}
