package care.sciatica.session.domain;

import static care.sciatica.contracts.common.BodySite.LEFT_CALF;
import static care.sciatica.contracts.common.BodySite.LEFT_GLUTEAL;
import static care.sciatica.contracts.common.BodySite.LEFT_HIP;
import static care.sciatica.contracts.common.BodySite.LEFT_POSTERIOR_THIGH;
import static care.sciatica.contracts.common.BodySite.LEFT_SCIATIC_NOTCH;
import static care.sciatica.contracts.common.BodySite.LEFT_SIJ;
import static care.sciatica.contracts.common.BodySite.LUMBAR_SPINE;
import static care.sciatica.contracts.common.BodySite.RIGHT_CALF;
import static care.sciatica.contracts.common.BodySite.RIGHT_GLUTEAL;
import static care.sciatica.contracts.common.BodySite.RIGHT_POSTERIOR_THIGH;
import static care.sciatica.contracts.common.BodySite.RIGHT_SCIATIC_NOTCH;
import static care.sciatica.contracts.common.BodySite.SACRUM;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;
import static care.sciatica.session.domain.SessionFixtures.THERAPIST_REF;
import static care.sciatica.session.domain.SessionFixtures.minute;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.Technique;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Whole sessions walked the way a therapist records them, one per origin's plan, keeping every event returned. */
final class SessionWalks {

    /** A walked session and every event its commands returned, in order. */
    record Walk(TreatmentSession session, List<SessionEvent> events) {
    }

    private SessionWalks() {
    }

    /** Lumbar: no ice (Raynaud's), hip traction skipped at the patient's wish, light lumbar mobilisation. */
    static Walk lumbar() {
        Walk walk = start(TreatmentPlans.lumbar(), 6);
        step(walk, StepReport.performed(PALPATION,
                StepParameters.palpation(List.of(LUMBAR_SPINE, LEFT_GLUTEAL, LEFT_SCIATIC_NOTCH))), 5);
        step(walk, StepReport.performed(HEAT, StepParameters.heat(HeatKind.WHEAT_BAG,
                List.of(LUMBAR_SPINE, LEFT_GLUTEAL, LEFT_POSTERIOR_THIGH), minute(10))), 10);
        step(walk, StepReport.performed(MASSAGE_LEG_UNDER_HEAT,
                StepParameters.handsOn(List.of(LEFT_POSTERIOR_THIGH, LEFT_CALF), Pressure.MODERATE,
                        Technique.EFFLEURAGE, 12)), 22);
        walk.events().addAll(walk.session().removeHeat(minute(29)));
        step(walk, StepReport.performed(MASSAGE_AREA_AND_SPINE, StepParameters.handsOn(
                List.of(LUMBAR_SPINE, LEFT_GLUTEAL), Pressure.MODERATE, Technique.PETRISSAGE, 10)), 40);
        step(walk, StepReport.skipped(HIP_TRACTION, DeviationReason.PATIENT_PREFERENCE), 41);
        step(walk, StepReport.performed(LUMBAR_MOBILISATION, StepParameters.handsOn(List.of(LUMBAR_SPINE),
                Pressure.LIGHT, Technique.POSTERIOR_ANTERIOR_GLIDE, 5)), 46);
        return finish(walk, 4, List.of(Advice.SITTING_CUSHION, Advice.EXERCISE, Advice.ACTIVITY_MODIFICATION));
    }

    /** Sacroiliac: ice with two cubes, heat, both massages, hip traction and SIJ gapping. */
    static Walk sacroiliac() {
        Walk walk = start(TreatmentPlans.sacroiliac(), 7);
        step(walk, StepReport.performed(PALPATION, StepParameters.palpation(List.of(LEFT_SIJ, SACRUM))), 5);
        step(walk, StepReport.performed(ICE_MASSAGE, StepParameters.ice(List.of(LEFT_SIJ), 2, 8)), 13);
        step(walk, StepReport.performed(HEAT, StepParameters.heat(HeatKind.HOT_COLD_PACK,
                List.of(LUMBAR_SPINE, SACRUM), minute(14))), 14);
        step(walk, StepReport.performed(MASSAGE_LEG_UNDER_HEAT, StepParameters.handsOn(
                List.of(LEFT_POSTERIOR_THIGH, LEFT_CALF), Pressure.MODERATE, Technique.EFFLEURAGE, 15)), 30);
        walk.events().addAll(walk.session().removeHeat(minute(33)));
        step(walk, StepReport.performed(MASSAGE_AREA_AND_SPINE, StepParameters.handsOn(List.of(LEFT_SIJ, SACRUM),
                Pressure.MODERATE, Technique.SUSTAINED_PRESSURE, 8)), 42);
        step(walk, StepReport.performed(HIP_TRACTION, StepParameters.handsOn(List.of(LEFT_HIP), null,
                Technique.LONG_AXIS_TRACTION, 4)), 47);
        step(walk, StepReport.performed(LUMBAR_MOBILISATION, StepParameters.handsOn(List.of(LUMBAR_SPINE),
                Pressure.MODERATE, Technique.SIDE_LYING_ROTATION, 4)), 51);
        step(walk, StepReport.performed(SIJ_MOBILISATION, StepParameters.handsOn(List.of(LEFT_SIJ), null,
                Technique.SIJ_GAPPING, 4)), 55);
        return finish(walk, 3, List.of(Advice.EXERCISE));
    }

    /** Piriformis after a right hip replacement: one ice cube at a time, no hip traction, light lumbar mobilisation. */
    static Walk piriformisAfterHipReplacement() {
        Walk walk = start(TreatmentPlans.piriformisAfterHipReplacement(), 5);
        step(walk, StepReport.performed(PALPATION,
                StepParameters.palpation(List.of(RIGHT_GLUTEAL, RIGHT_SCIATIC_NOTCH))), 5);
        step(walk, StepReport.performed(ICE_MASSAGE, StepParameters.ice(List.of(RIGHT_SCIATIC_NOTCH), 1, 7)), 12);
        step(walk, StepReport.performed(HEAT, StepParameters.heat(HeatKind.WHEAT_BAG,
                List.of(LUMBAR_SPINE, RIGHT_GLUTEAL, RIGHT_POSTERIOR_THIGH), minute(13))), 13);
        step(walk, StepReport.performed(MASSAGE_LEG_UNDER_HEAT, StepParameters.handsOn(
                List.of(RIGHT_POSTERIOR_THIGH, RIGHT_CALF), Pressure.MODERATE, Technique.EFFLEURAGE, 12)), 27);
        walk.events().addAll(walk.session().removeHeat(minute(32)));
        step(walk, StepReport.performed(MASSAGE_AREA_AND_SPINE, StepParameters.handsOn(
                List.of(RIGHT_GLUTEAL, RIGHT_SCIATIC_NOTCH), Pressure.MODERATE, Technique.SUSTAINED_PRESSURE, 10)), 43);
        step(walk, StepReport.performed(LUMBAR_MOBILISATION, StepParameters.handsOn(List.of(LUMBAR_SPINE),
                Pressure.LIGHT, Technique.POSTERIOR_ANTERIOR_GLIDE, 5)), 49);
        return finish(walk, 2, List.of(Advice.SITTING_CUSHION, Advice.SITTING_CUSHION, Advice.EXERCISE));
    }

    private static Walk start(TreatmentPlan plan, int painBefore) {
        Walk walk = new Walk(SessionFixtures.opened(plan), new ArrayList<>());
        TreatmentSession session = walk.session();
        walk.events().addAll(session.recordPainBefore(painBefore, minute(0)));
        walk.events().addAll(session.recordExplanation(EnumSet.allOf(ExplanationPoint.class), true, minute(1)));
        walk.events().addAll(session.recordConsent(ConsentDecision.GIVEN, ConsentMethod.WRITTEN, THERAPIST_REF,
                minute(3)));
        return walk;
    }

    private static void step(Walk walk, StepReport report, int atMinute) {
        walk.events().addAll(walk.session().performStep(report, minute(atMinute)));
    }

    private static Walk finish(Walk walk, int painAfter, List<Advice> advice) {
        TreatmentSession session = walk.session();
        walk.events().addAll(session.recordPainAfter(painAfter, minute(58)));
        walk.events().addAll(session.recordAdvice(advice, minute(59)));
        walk.events().addAll(session.complete(minute(60)));
        return walk;
    }
}
