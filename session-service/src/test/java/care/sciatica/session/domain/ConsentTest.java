package care.sciatica.session.domain;

import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.session.domain.ExplanationPoint.HOW_IT_WILL_HELP;
import static care.sciatica.session.domain.ExplanationPoint.ICE_AND_HEAT;
import static care.sciatica.session.domain.ExplanationPoint.RIGHT_TO_STOP;
import static care.sciatica.session.domain.ExplanationPoint.WHAT_WILL_HAPPEN;
import static care.sciatica.session.domain.SessionFixtures.THERAPIST_REF;
import static care.sciatica.session.domain.SessionFixtures.assertRefused;
import static care.sciatica.session.domain.SessionFixtures.consented;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static care.sciatica.session.domain.SessionFixtures.opened;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanation first, then consent: given, refused or withdrawn, and nothing more after a refusal or a withdrawal. */
class ConsentTest {

    @Test
    void consentIsGivenOnlyAfterAnExplanation() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(1)), SessionRule.EXPLANATION_REQUIRED, "only after the treatment was explained");
    }

    @Test
    void theExplanationCoversWhatWillHappenHowItHelpsAndTheRightToStop() {
        TreatmentSession session = opened(TreatmentPlans.withoutHeat());
        session.recordExplanation(List.of(WHAT_WILL_HAPPEN, ICE_AND_HEAT), true, minute(1));

        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(2)), SessionRule.EXPLANATION_INCOMPLETE, "not yet explained: [HOW_IT_WILL_HELP, RIGHT_TO_STOP]");
    }

    @Test
    void iceAndHeatAreExplainedWhenThePlanUsesThem() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());
        session.recordExplanation(List.of(WHAT_WILL_HAPPEN, HOW_IT_WILL_HELP, RIGHT_TO_STOP), true, minute(1));

        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.WRITTEN, THERAPIST_REF,
                minute(2)), SessionRule.EXPLANATION_INCOMPLETE, "[ICE_AND_HEAT]");
    }

    @Test
    void thePatientsQuestionsAreAnsweredBeforeConsent() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());
        session.recordExplanation(List.of(ExplanationPoint.values()), false, minute(1));

        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(2)), SessionRule.EXPLANATION_INCOMPLETE, "questions have not been answered");
    }

    @Test
    void pointsExplainedInSeveralGoesAddUp() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());
        session.recordExplanation(List.of(WHAT_WILL_HAPPEN, ICE_AND_HEAT), false, minute(1));
        session.recordExplanation(List.of(RIGHT_TO_STOP, HOW_IT_WILL_HELP, WHAT_WILL_HAPPEN), true, minute(2));

        List<SessionEvent> events = session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(3));

        assertThat(session.state()).isEqualTo(SessionState.CONSENTED);
        assertThat(session.snapshot().explanation().points())
                .containsExactly(WHAT_WILL_HAPPEN, HOW_IT_WILL_HELP, ICE_AND_HEAT, RIGHT_TO_STOP);
        assertThat(events).singleElement().isInstanceOfSatisfying(SessionEvent.ConsentDecided.class, decided -> {
            assertThat(decided.explanationGiven()).isTrue();
            assertThat(decided.questionsAnswered()).isTrue();
        });
    }

    @Test
    void aRefusalEndsTheSessionRefusedAndNothingMoreIsAllowed() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());

        List<SessionEvent> events = session.recordConsent(ConsentDecision.REFUSED, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(1));

        assertThat(session.state()).isEqualTo(SessionState.REFUSED);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOfSatisfying(SessionEvent.EndedEarly.class, ended -> {
            assertThat(ended.endState()).isEqualTo(EndState.REFUSED);
            assertThat(ended.reason()).isEqualTo(EndReason.CONSENT_REFUSED);
            assertThat(ended.stepsPerformed()).isEmpty();
        });
        assertRefused(session, () -> session.recordExplanation(List.of(WHAT_WILL_HAPPEN), true, minute(2)),
                SessionRule.OPERATION_NOT_ALLOWED, "recordExplanation is not allowed in state REFUSED");
        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(2)), SessionRule.OPERATION_NOT_ALLOWED, "recordConsent is not allowed in state REFUSED");
    }

    @Test
    void consentCanBeWithdrawnAtAnyMomentAndEndsTheSessionWithdrawn() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());
        session.performStep(StepReport.performed(PALPATION, StepParameters.palpation(List.of(BodySite.LEFT_SIJ))),
                minute(5));

        List<SessionEvent> events = session.withdrawConsent(ConsentMethod.VERBAL, THERAPIST_REF, minute(6));

        assertThat(session.state()).isEqualTo(SessionState.WITHDRAWN);
        assertThat(session.snapshot().withdrawal().decision()).isEqualTo(ConsentDecision.WITHDRAWN);
        assertThat(session.snapshot().consent().decision()).isEqualTo(ConsentDecision.GIVEN);
        assertThat(events.get(1)).isInstanceOfSatisfying(SessionEvent.EndedEarly.class, ended -> {
            assertThat(ended.endState()).isEqualTo(EndState.WITHDRAWN);
            assertThat(ended.stepsPerformed()).containsExactly(EXPLANATION_AND_CONSENT, PALPATION);
            assertThat(ended.painBefore()).isEqualTo(6);
        });
        assertRefused(session, () -> session.performStep(StepReport.performed(PALPATION, null), minute(7)),
                SessionRule.OPERATION_NOT_ALLOWED, "performStep is not allowed in state WITHDRAWN");
        assertRefused(session, () -> session.complete(minute(7)), SessionRule.OPERATION_NOT_ALLOWED,
                "complete is not allowed in state WITHDRAWN");
    }

    @Test
    void consentCanBeWithdrawnOnlyAfterItWasGiven() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.withdrawConsent(ConsentMethod.VERBAL, THERAPIST_REF, minute(1)),
                SessionRule.OPERATION_NOT_ALLOWED, "withdrawConsent is not allowed in state OPEN");
    }

    @Test
    void aWithdrawalIsNotRecordedAsAConsentDecision() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.recordConsent(ConsentDecision.WITHDRAWN, ConsentMethod.VERBAL,
                THERAPIST_REF, minute(1)), SessionRule.INVALID_INPUT, "withdrawConsent");
    }

    @Test
    void consentNamesHowAndByWhom() {
        TreatmentSession session = opened(TreatmentPlans.sacroiliac());
        session.recordExplanation(List.of(ExplanationPoint.values()), true, minute(1));

        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, null, THERAPIST_REF, minute(2)),
                SessionRule.INVALID_INPUT, "how it was given");
        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, " ", minute(2)),
                SessionRule.INVALID_INPUT, "by whom");
    }

    @Test
    void theExplanationIsRecordedBeforeConsentOnly() {
        TreatmentSession session = consented(TreatmentPlans.sacroiliac());

        assertRefused(session, () -> session.recordExplanation(List.of(WHAT_WILL_HAPPEN), true, minute(9)),
                SessionRule.OPERATION_NOT_ALLOWED, "recordExplanation is not allowed in state CONSENTED");
        assertRefused(session, () -> session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF,
                minute(9)), SessionRule.OPERATION_NOT_ALLOWED, "recordConsent is not allowed in state CONSENTED");
    }
}
