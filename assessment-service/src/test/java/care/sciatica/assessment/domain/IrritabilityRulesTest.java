package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.SuitabilityDecision;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.Gait;
import care.sciatica.contracts.intake.Posture;
import care.sciatica.contracts.intake.SitToStand;
import care.sciatica.contracts.intake.SittingTolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static care.sciatica.contracts.assessment.StepStatus.EXCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.INCLUDED;
import static care.sciatica.contracts.assessment.StepStatus.MODIFIED;
import static care.sciatica.contracts.common.TreatmentStep.EXPLANATION_AND_CONSENT;
import static care.sciatica.contracts.common.TreatmentStep.HIP_TRACTION;
import static care.sciatica.contracts.common.TreatmentStep.LUMBAR_MOBILISATION;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_AREA_AND_SPINE;
import static care.sciatica.contracts.common.TreatmentStep.MASSAGE_LEG_UNDER_HEAT;
import static care.sciatica.contracts.common.TreatmentStep.SIJ_MOBILISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Severe, irritable pain seen on arrival (REFERENCE §3 "Irritability / severity", the clinic's decision): each sign
 * alone gives a modified plan with gentle massage only, no traction or mobilisation and a caution to consider referral,
 * every change naming its rule, the observation it comes from and its explanation.
 */
class IrritabilityRulesTest {

    static final String GENTLE = "IRRITABLE_PAIN_GENTLE_MASSAGE";
    static final String NO_MOBILISATION = "IRRITABLE_PAIN_NO_TRACTION_OR_MOBILISATION";
    static final String REFERRAL = "IRRITABLE_PAIN_CONSIDER_REFERRAL";

    static Stream<Arguments> irritableSigns() {
        return Stream.of(
                arguments("carried in", (Consumer<HistoryBuilder>) h -> h.gait = Gait.CARRIED_IN,
                        "observation.gait", "carried in"),
                arguments("foetal position only", (Consumer<HistoryBuilder>) h -> h.posture = List.of(Posture.FOETAL_ONLY),
                        "observation.posture", "only a foetal position tolerated"),
                arguments("cannot stand from sitting", (Consumer<HistoryBuilder>) h -> h.sitToStand = SitToStand.UNABLE,
                        "observation.sitToStand", "cannot stand up from sitting"),
                arguments("cannot sit", (Consumer<HistoryBuilder>) h -> h.sittingTolerance = SittingTolerance.UNABLE,
                        "observation.sittingTolerance", "cannot sit"));
    }

    static Stream<Arguments> everyStepTheRulesChange() {
        return irritableSigns().flatMap(sign -> Stream.of(
                arguments(sign.get()[0], sign.get()[1], MASSAGE_LEG_UNDER_HEAT, MODIFIED, GENTLE, sign.get()[2],
                        "Severe, irritable pain (" + sign.get()[3] + "): gentle work only, the lightest pressure; consider referral"),
                arguments(sign.get()[0], sign.get()[1], MASSAGE_AREA_AND_SPINE, MODIFIED, GENTLE, sign.get()[2],
                        "Severe, irritable pain (" + sign.get()[3] + "): gentle work only, the lightest pressure; consider referral"),
                arguments(sign.get()[0], sign.get()[1], HIP_TRACTION, EXCLUDED, NO_MOBILISATION, sign.get()[2],
                        "Traction and mobilisation excluded: severe, irritable pain (" + sign.get()[3] + "), gentle work only; consider referral"),
                arguments(sign.get()[0], sign.get()[1], LUMBAR_MOBILISATION, EXCLUDED, NO_MOBILISATION, sign.get()[2],
                        "Traction and mobilisation excluded: severe, irritable pain (" + sign.get()[3] + ")"),
                arguments(sign.get()[0], sign.get()[1], SIJ_MOBILISATION, EXCLUDED, NO_MOBILISATION, sign.get()[2],
                        "Traction and mobilisation excluded: severe, irritable pain (" + sign.get()[3] + ")")));
    }

    @ParameterizedTest(name = "{0}: {2} {3} by {4}")
    @MethodSource("everyStepTheRulesChange")
    void theStepIsChangedWithTheRuleTheObservationAndTheExplanation(String sign, Consumer<HistoryBuilder> observed,
                                                                    TreatmentStep step, Object status, String ruleId,
                                                                    String finding, String explanation) {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated().with(observed));
        PlannedStep planned = plan.step(step);

        assertThat(planned.status()).isEqualTo(status);
        assertThat(planned.reasons()).anySatisfy(reason -> {
            assertThat(reason.ruleId()).isEqualTo(ruleId);
            assertThat(reason.finding()).isEqualTo(finding);
            assertThat(reason.explanation()).startsWith(explanation);
        });
        if (status == MODIFIED) {
            assertThat(planned.parameters().pressure()).isEqualTo(Pressure.LIGHT);
        } else {
            assertThat(planned.parameters()).isEqualTo(StepParameters.none());
        }
        assertThat(plan.suitability().reasons()).extracting(Reason::ruleId).contains(ruleId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("irritableSigns")
    void theConsentStepSaysToConsiderReferralAndThePlanIsNeverTheFullProtocol(String sign,
                                                                             Consumer<HistoryBuilder> observed,
                                                                             String finding, String detail) {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated().with(observed));

        assertThat(plan.step(EXPLANATION_AND_CONSENT).cautions()).anySatisfy(caution -> {
            assertThat(caution.ruleId()).isEqualTo(REFERRAL);
            assertThat(caution.finding()).isEqualTo(finding);
            assertThat(caution.explanation()).isEqualTo("Severe, irritable pain (" + detail + "): consider referral"
                    + " for a medical opinion, and ask every red-flag question again with extra care before treating");
        });
        assertThat(plan.suitability().decision()).isEqualTo(SuitabilityDecision.TREAT_WITH_MODIFICATIONS);
        assertThat(plan.steps()).filteredOn(s -> s.status() == INCLUDED).extracting(PlannedStep::step)
                .doesNotContain(HIP_TRACTION, LUMBAR_MOBILISATION, SIJ_MOBILISATION, MASSAGE_LEG_UNDER_HEAT,
                        MASSAGE_AREA_AND_SPINE);
        assertThat(plan.followUpIntervalDays()).isLessThanOrEqualTo(TestRules.real().followUp().withModificationsMaxDays());
    }

    @Test
    void severalSignsAreNamedTogetherAndTheFirstIsCited() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated().with(h -> {
            h.gait = Gait.CARRIED_IN;
            h.sittingTolerance = SittingTolerance.UNABLE;
        }));

        assertThat(plan.step(LUMBAR_MOBILISATION).reasons()).anySatisfy(reason -> {
            assertThat(reason.ruleId()).isEqualTo(NO_MOBILISATION);
            assertThat(reason.finding()).isEqualTo("observation.gait");
            assertThat(reason.explanation()).contains("(carried in, cannot sit)");
        });
    }

    @Test
    void aMobilisationAlreadyNotIndicatedKeepsBothReasons() {
        PlannedStep sij = TestRules.plan(HistoryBuilder.unremarkable().with(h -> h.gait = Gait.CARRIED_IN))
                .step(SIJ_MOBILISATION);

        assertThat(sij.status()).isEqualTo(EXCLUDED);
        assertThat(sij.reasons()).extracting(Reason::ruleId)
                .containsExactly("SIJ_MOBILISATION_NOT_INDICATED", NO_MOBILISATION);
    }

    static Stream<Consumer<HistoryBuilder>> painThatIsNotSevereOrIrritable() {
        return Stream.of(
                h -> h.gait = Gait.NEEDED_HELP,
                h -> h.gait = Gait.LIMP,
                h -> h.posture = List.of(Posture.FLEXED, Posture.LATERAL_SHIFT),
                h -> h.sitToStand = SitToStand.NEEDS_HELP,
                h -> h.sitToStand = SitToStand.SLOW_GUARDED,
                h -> h.sittingTolerance = SittingTolerance.REDUCED);
    }

    @ParameterizedTest
    @MethodSource("painThatIsNotSevereOrIrritable")
    void guardedMovementAloneDoesNotFireTheRules(Consumer<HistoryBuilder> observed) {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.everyStepIndicated().with(observed));

        assertThat(plan.steps()).allSatisfy(step -> {
            assertThat(step.reasons()).extracting(Reason::ruleId).doesNotContain(GENTLE, NO_MOBILISATION);
            assertThat(step.cautions()).extracting(Reason::ruleId).doesNotContain(REFERRAL);
        });
        assertThat(plan.step(LUMBAR_MOBILISATION).status()).isEqualTo(INCLUDED);
    }
}
