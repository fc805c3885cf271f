package care.sciatica.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Ids, a clock that the tests move by hand, sessions at the usual starting points, and the refusal assertion. */
final class SessionFixtures {

    static final String SESSION_ID = "89eed128-11b7-4624-b429-f260c9403739";
    static final String CASE_ID = "2fdd94b1-b66e-493d-8132-cd5bd4365e3c";
    static final String SITE_ID = "site-north";
    static final String PATIENT_REF = "pt_7Q2M9X4K";
    static final String THERAPIST_REF = "st_8H3L5V2P";
    static final String CLINICAL_LEAD_REF = "st_C1L2E3A4";
    static final SessionIdentity IDENTITY =
            new SessionIdentity(SESSION_ID, CASE_ID, SITE_ID, PATIENT_REF, THERAPIST_REF);
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private SessionFixtures() {
    }

    /** The session clock, a given number of minutes after it opened. */
    static Instant minute(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static TreatmentSession opened(TreatmentPlan plan) {
        return TreatmentSession.open(IDENTITY, plan, T0);
    }

    /** Explained in full, questions answered, consent given verbally, pain before 6: ready for the first step. */
    static TreatmentSession consented(TreatmentPlan plan) {
        TreatmentSession session = opened(plan);
        session.recordExplanation(EnumSet.allOf(ExplanationPoint.class), true, minute(1));
        session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.VERBAL, THERAPIST_REF, minute(2));
        session.recordPainBefore(6, minute(3));
        return session;
    }

    /** A consented session in which heat is applied (step 1) and not yet removed. */
    static TreatmentSession underHeat(TreatmentPlan plan) {
        TreatmentSession session = consented(plan);
        session.performStep(StepReport.performed(TreatmentStep.HEAT, heat(minute(10))), minute(10));
        return session;
    }

    static StepParameters heat(Instant appliedAt) {
        return StepParameters.heat(HeatKind.WHEAT_BAG, List.of(), appliedAt);
    }

    /**
     * Asserts that the command is refused under the rule, with the session's state and a reason containing the words
     * given, and that the session is exactly as before.
     */
    static SessionRuleViolation assertRefused(TreatmentSession session, ThrowingCallable command, SessionRule rule,
            String reasonContains) {
        SessionSnapshot before = session.snapshot();
        Throwable thrown = catchThrowable(command);
        assertThat(thrown).isInstanceOf(SessionRuleViolation.class);
        SessionRuleViolation violation = (SessionRuleViolation) thrown;
        assertThat(violation.code()).isEqualTo(rule.code());
        assertThat(violation.state()).isEqualTo(before.state());
        assertThat(violation.reason()).containsIgnoringCase(reasonContains);
        assertThat(session.snapshot()).isEqualTo(before);
        return violation;
    }
}
