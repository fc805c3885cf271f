package care.sciatica.session.domain;

import static care.sciatica.contracts.assessment.StepStatus.EXCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.INCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.MODIFIED;
import static care.sciatica.contracts.common.BodySite.LEFT_SIJ;
import static care.sciatica.contracts.common.BodySite.LUMBAR_SPINE;
import static care.sciatica.contracts.common.BodySite.RIGHT_GLUTEAL;
import static care.sciatica.contracts.common.BodySite.RIGHT_SCIATIC_NOTCH;
import static care.sciatica.contracts.common.BodySite.SACRUM;
import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HEAT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.ICE_MASSAGE;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.PALPATION;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.OriginAssessment;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlannedStep;
import care.sciatica.contracts.assessment.PlannedStepParameters;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.Reason;
import care.sciatica.contracts.common.TreatmentStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Plans for each origin, as the assessment service issues them, turned into the session's plan snapshot. */
final class TreatmentPlans {

    private TreatmentPlans() {
    }

    /**
     * The catalogue's own example: lumbar (L5), ice excluded for Raynaud's, lumbar mobilisation modified to light
     * pressure, SIJ mobilisation excluded as not indicated.
     */
    static TreatmentPlan lumbar() {
        try (InputStream json = TreatmentPlans.class.getClassLoader()
                .getResourceAsStream(EventType.PLAN_ISSUED.exampleResource())) {
            return TreatmentPlan.from((PlanIssued) EventJson.fromBytes(json.readAllBytes(), EventType.PLAN_ISSUED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sacroiliac: every step included, SIJ mobilisation among them, ice limited to two cubes for ten minutes. */
    static TreatmentPlan sacroiliac() {
        return plan(Origin.SACROILIAC, List.of(
                planned(1, EXPLANATION_AND_CONSENT, INCLUDED, none()),
                planned(2, PALPATION, INCLUDED, regions(LEFT_SIJ, SACRUM, LUMBAR_SPINE)),
                planned(3, ICE_MASSAGE, INCLUDED, new PlannedStepParameters(2, 10, null, null, List.of(LEFT_SIJ))),
                planned(4, HEAT, INCLUDED, new PlannedStepParameters(null, 20, HeatKind.HOT_COLD_PACK, null,
                        List.of(LUMBAR_SPINE, SACRUM))),
                planned(5, MASSAGE_LEG_UNDER_HEAT, INCLUDED, pressure(Pressure.MODERATE)),
                planned(6, MASSAGE_AREA_AND_SPINE, INCLUDED, pressure(Pressure.MODERATE)),
                planned(7, HIP_TRACTION, INCLUDED, new PlannedStepParameters(null, 5, null, null, null)),
                planned(8, LUMBAR_MOBILISATION, INCLUDED, pressure(Pressure.MODERATE)),
                planned(9, SIJ_MOBILISATION, INCLUDED, regions(LEFT_SIJ))));
    }

    /**
     * Piriformis / deep gluteal after a right hip replacement: one ice cube at a time, hip traction excluded, SIJ
     * mobilisation not indicated.
     */
    static TreatmentPlan piriformisAfterHipReplacement() {
        return plan(Origin.PIRIFORMIS_DEEP_GLUTEAL, List.of(
                planned(1, EXPLANATION_AND_CONSENT, INCLUDED, none()),
                planned(2, PALPATION, INCLUDED, regions(RIGHT_GLUTEAL, RIGHT_SCIATIC_NOTCH)),
                planned(3, ICE_MASSAGE, MODIFIED,
                        new PlannedStepParameters(1, 8, null, null, List.of(RIGHT_SCIATIC_NOTCH))),
                planned(4, HEAT, INCLUDED, new PlannedStepParameters(null, 20, HeatKind.WHEAT_BAG, null, null)),
                planned(5, MASSAGE_LEG_UNDER_HEAT, INCLUDED, pressure(Pressure.MODERATE)),
                planned(6, MASSAGE_AREA_AND_SPINE, INCLUDED, regions(RIGHT_GLUTEAL, RIGHT_SCIATIC_NOTCH)),
                excluded(7, HIP_TRACTION, new Reason("HIP_TRACTION_EXCLUDED_HIP_REPLACEMENT", "surgery.hipReplacement",
                        "Hip traction excluded: right hip replacement")),
                planned(8, LUMBAR_MOBILISATION, INCLUDED, pressure(Pressure.LIGHT)),
                excluded(9, SIJ_MOBILISATION, new Reason("SIJ_MOBILISATION_NOT_INDICATED", "examination.laslett",
                        "SIJ mobilisation excluded: no sacroiliac provocation test reproduced the familiar pain"))));
    }

    /**
     * Lumbar on anticoagulants, as the assessment plans it: heat excluded (bleeding tendency), both massages and the
     * mobilisations modified to light pressure, each citing its rule; ice and palpation as the protocol has them.
     */
    static TreatmentPlan onAnticoagulants() {
        return plan(Origin.LUMBAR, List.of(
                planned(1, EXPLANATION_AND_CONSENT, INCLUDED, none()),
                planned(2, PALPATION, INCLUDED, regions(LUMBAR_SPINE)),
                planned(3, ICE_MASSAGE, INCLUDED, new PlannedStepParameters(2, 10, null, null, List.of(LUMBAR_SPINE))),
                excluded(4, HEAT, new Reason("HEAT_EXCLUDED_BLEEDING_TENDENCY", "conditions.anticoagulants",
                        "Heat excluded: anticoagulants give a bleeding tendency")),
                modified(5, MASSAGE_LEG_UNDER_HEAT, pressure(Pressure.LIGHT), MASSAGE_LIGHT_ANTICOAGULANTS),
                modified(6, MASSAGE_AREA_AND_SPINE, pressure(Pressure.LIGHT), MASSAGE_LIGHT_ANTICOAGULANTS),
                modified(7, HIP_TRACTION, new PlannedStepParameters(null, 5, null, Pressure.LIGHT, null),
                        MOBILISATION_LIGHT_ANTICOAGULANTS),
                modified(8, LUMBAR_MOBILISATION, pressure(Pressure.LIGHT), MOBILISATION_LIGHT_ANTICOAGULANTS),
                excluded(9, SIJ_MOBILISATION, new Reason("SIJ_MOBILISATION_NOT_INDICATED", "examination.laslett",
                        "SIJ mobilisation excluded: the Laslett cluster does not point to the sacroiliac joint"))));
    }

    static final Reason MASSAGE_LIGHT_ANTICOAGULANTS = new Reason("MASSAGE_LIGHT_ANTICOAGULANTS",
            "conditions.anticoagulants", "Light pressure only: anticoagulants recorded, no deep or forceful pressure");
    static final Reason MOBILISATION_LIGHT_ANTICOAGULANTS = new Reason("MOBILISATION_LIGHT_ANTICOAGULANTS",
            "conditions.anticoagulants", "Mobilisation and traction gentle only: anticoagulants recorded");

    /** Heat for at most 20 minutes, then the area massage: the least a plan needs for the heat rules. */
    static TreatmentPlan heatThenAreaMassage() {
        return plan(Origin.UNDETERMINED, List.of(
                planned(1, EXPLANATION_AND_CONSENT, INCLUDED, none()),
                planned(4, HEAT, INCLUDED, new PlannedStepParameters(null, 20, HeatKind.WHEAT_BAG, null, null)),
                planned(6, MASSAGE_AREA_AND_SPINE, INCLUDED, pressure(Pressure.MODERATE))));
    }

    /** A plan that excludes heat (impaired sensation), for the ice-or-heat rule. */
    static TreatmentPlan withoutHeat() {
        return plan(Origin.UNDETERMINED, List.of(
                planned(1, EXPLANATION_AND_CONSENT, INCLUDED, none()),
                planned(2, PALPATION, INCLUDED, none()),
                planned(3, ICE_MASSAGE, INCLUDED, none()),
                excluded(4, HEAT, new Reason("HEAT_EXCLUDED_IMPAIRED_SENSATION", "conditions.impairedSensation",
                        "Heat excluded: impaired sensation recorded")),
                planned(5, MASSAGE_AREA_AND_SPINE, INCLUDED, none())));
    }

    private static TreatmentPlan plan(Origin origin, List<PlannedStep> steps) {
        return TreatmentPlan.from(new PlanIssued(SessionFixtures.CASE_ID, SessionFixtures.SITE_ID,
                SessionFixtures.PATIENT_REF, SessionFixtures.T0.minusSeconds(3600),
                "7d0f6c1e-2a54-4d8e-9a57-1c0f1f2b3c4d", 1, null, 1, "2026.11-1",
                new OriginAssessment(origin, List.of()), null, steps, List.of(), 7));
    }

    private static PlannedStep planned(int order, TreatmentStep step, StepStatus status, PlannedStepParameters limits) {
        return new PlannedStep(order, step, status, limits, List.of(), List.of());
    }

    private static PlannedStep modified(int order, TreatmentStep step, PlannedStepParameters limits, Reason why) {
        return new PlannedStep(order, step, MODIFIED, limits, List.of(), List.of(why));
    }

    private static PlannedStep excluded(int order, TreatmentStep step, Reason why) {
        return new PlannedStep(order, step, EXCLUDED, none(), List.of(), List.of(why));
    }

    private static PlannedStepParameters none() {
        return new PlannedStepParameters(null, null, null, null, null);
    }

    private static PlannedStepParameters regions(BodySite... sites) {
        return new PlannedStepParameters(null, null, null, null, List.of(sites));
    }

    private static PlannedStepParameters pressure(Pressure pressure) {
        return new PlannedStepParameters(null, null, null, pressure, null);
    }
}
