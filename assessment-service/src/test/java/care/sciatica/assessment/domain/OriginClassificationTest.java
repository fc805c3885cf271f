package care.sciatica.assessment.domain;

import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.intake.CentralisationResult;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.PainArea;
import care.sciatica.contracts.intake.PainFactor;
import care.sciatica.contracts.intake.Posture;
import care.sciatica.contracts.intake.ReflexResult;
import care.sciatica.contracts.intake.SittingTolerance;
import care.sciatica.contracts.intake.StraightLegRaise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static care.sciatica.contracts.assessment.Likelihood.HIGH;
import static care.sciatica.contracts.assessment.Likelihood.LOW;
import static care.sciatica.contracts.assessment.Likelihood.MODERATE;
import static care.sciatica.contracts.common.Origin.LUMBAR;
import static care.sciatica.contracts.common.Origin.PIRIFORMIS_DEEP_GLUTEAL;
import static care.sciatica.contracts.common.Origin.SACROILIAC;
import static care.sciatica.contracts.common.Origin.UNDETERMINED;
import static care.sciatica.contracts.intake.TestResult.NEGATIVE;
import static care.sciatica.contracts.intake.TestResult.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Origin classification by REFERENCE.md §1: each case names the origin's likelihood, level and the deciding finding. */
class OriginClassificationTest {

    static final Consumer<HistoryBuilder> CLEAR_L5 = h -> {
        h.dermatomes.add(NerveRoot.L5);
        h.bigToe = 4;
        h.dorsiflexion = 4;
        h.slr = new StraightLegRaise(Side.LEFT, 40, true);
    };
    static final Consumer<HistoryBuilder> SIJ_CLUSTER = h -> {
        h.distraction = POSITIVE;
        h.thighThrust = POSITIVE;
        h.compression = POSITIVE;
        h.sacralThrust = NEGATIVE;
        h.gaenslen = NEGATIVE;
    };
    static final Consumer<HistoryBuilder> PIRIFORMIS = h -> {
        h.fair = POSITIVE;
        h.notchTenderness = true;
        h.aggravating.add(PainFactor.SITTING);
        h.kneeExtension = 5;
        h.bigToe = 5;
        h.plantarFlexion = 5;
    };

    static Stream<Arguments> origins() {
        return Stream.of(
                forRow("clear L5", CLEAR_L5, LUMBAR, HIGH, NerveRoot.L5, LUMBAR,
                        "LUMBAR_L5_DERMATOME", "examination.dermatomalSensoryChange", "L5 dermatome (dorsum of foot and big toe)"),
                forRow("clear L4", h -> { h.dermatomes.add(NerveRoot.L4); h.kneeExtension = 4; h.kneeJerk = ReflexResult.REDUCED; },
                        LUMBAR, HIGH, NerveRoot.L4, LUMBAR, "LUMBAR_L4_REFLEX", "examination.reflexes.kneeJerkL4", "Knee jerk reduced: points to the L4 root"),
                forRow("clear S1", h -> { h.ankleJerk = ReflexResult.ABSENT; h.plantarFlexion = 4; h.dermatomes.add(NerveRoot.S1); },
                        LUMBAR, HIGH, NerveRoot.S1, LUMBAR, "LUMBAR_S1_MYOTOME", "examination.myotomalPower.plantarFlexionS1", "Plantar flexion 4/5"),
                forRow("deficits pointing to two roots equally", h -> { h.dermatomes.add(NerveRoot.L5); h.ankleJerk = ReflexResult.REDUCED; },
                        LUMBAR, MODERATE, null, LUMBAR, "LUMBAR_S1_REFLEX", "examination.reflexes.ankleJerkS1", "Ankle jerk reduced: points to the S1 root"),
                forRow("crossed SLR alone", h -> h.crossedSlr = POSITIVE, LUMBAR, MODERATE, null, LUMBAR,
                        "LUMBAR_CROSSED_SLR", "examination.crossedStraightLegRaise", "Sp 0.90"),
                forRow("SLR and slump without a key sign", h -> { h.slr = new StraightLegRaise(Side.LEFT, 50, true); h.slump = POSITIVE; },
                        LUMBAR, MODERATE, null, LUMBAR, "LUMBAR_SLUMP_POSITIVE", "examination.slump", "Slump test positive"),
                forRow("centralisation with SLR", h -> { h.centralisation = CentralisationResult.YES; h.slr = new StraightLegRaise(Side.LEFT, null, true); },
                        LUMBAR, HIGH, null, LUMBAR, "LUMBAR_CENTRALISATION", "examination.centralisation", "discogenic"),
                forRow("SIJ cluster 3 of 5 without centralisation", SIJ_CLUSTER.andThen(h -> h.centralisation = CentralisationResult.NO),
                        SACROILIAC, HIGH, null, SACROILIAC, "SIJ_LASLETT_CLUSTER", "examination.laslett",
                        "Laslett cluster 3 of 5 positive (distraction, thigh thrust, compression)"),
                forRow("SIJ cluster 2 of 4 without Gaenslen", h -> {
                    h.distraction = POSITIVE;
                    h.sacralThrust = POSITIVE;
                    h.centralisation = CentralisationResult.NO;
                }, SACROILIAC, HIGH, null, SACROILIAC, "SIJ_LASLETT_CLUSTER", "examination.laslett", "2 of 4 positive (Gaenslen not tested)"),
                againstRow("SIJ cluster with centralisation does not count", SIJ_CLUSTER.andThen(h -> h.centralisation = CentralisationResult.YES),
                        SACROILIAC, LOW, LUMBAR, "SIJ_AGAINST_CENTRALISATION", "examination.centralisation", "counts only without it"),
                againstRow("SIJ cluster with centralisation not tested", SIJ_CLUSTER, SACROILIAC, MODERATE, SACROILIAC,
                        "SIJ_CENTRALISATION_NOT_TESTED", "examination.centralisation", "once centralisers are excluded"),
                againstRow("SIJ cluster 2 of 5 is not enough", h -> { h.distraction = POSITIVE; h.compression = POSITIVE; h.gaenslen = NEGATIVE; },
                        SACROILIAC, LOW, UNDETERMINED, "SIJ_LASLETT_NEGATIVE", "examination.laslett", "2 of 5 positive: fewer than the 3 needed"),
                forRow("piriformis: FAIR, notch, sitting, normal neurology", PIRIFORMIS, PIRIFORMIS_DEEP_GLUTEAL, HIGH, null,
                        PIRIFORMIS_DEEP_GLUTEAL, "PIRIFORMIS_FAIR_POSITIVE", "examination.fair", "FAIR test positive"),
                forRow("piriformis: seated stretch and buttock pain, normal neurology", h -> {
                    h.seatedStretch = POSITIVE;
                    h.distribution.add(PainArea.BUTTOCK);
                    h.aggravating.add(PainFactor.SITTING);
                }, PIRIFORMIS_DEEP_GLUTEAL, HIGH, null, PIRIFORMIS_DEEP_GLUTEAL, "PIRIFORMIS_BUTTOCK_PAIN", "pain.distribution", "Buttock pain"),
                forRow("piriformis: active test alone", h -> h.activePiriformis = POSITIVE, PIRIFORMIS_DEEP_GLUTEAL, MODERATE, null,
                        PIRIFORMIS_DEEP_GLUTEAL, "PIRIFORMIS_NORMAL_NEUROLOGY", "examination.dermatomalSensoryChange", "entrapment in the buttock"),
                againstRow("piriformis tests with a root deficit", PIRIFORMIS.andThen(h -> h.bigToe = 4), PIRIFORMIS_DEEP_GLUTEAL, LOW, LUMBAR,
                        "PIRIFORMIS_AGAINST_NEURO_DEFICIT", "examination.myotomalPower.bigToeExtensionL5", "big toe extension 4/5"),
                forRow("mixed: lumbar and piriformis both high, lumbar first", PIRIFORMIS.andThen(h -> {
                    h.crossedSlr = POSITIVE;
                    h.slr = new StraightLegRaise(Side.LEFT, 60, true);
                }), PIRIFORMIS_DEEP_GLUTEAL, HIGH, null, LUMBAR, "PIRIFORMIS_PAIN_ON_SITTING", "pain.aggravatingFactors", "Sitting"),
                againstRow("undetermined: nothing convincing", h -> { }, SACROILIAC, LOW, UNDETERMINED,
                        "SIJ_LASLETT_NOT_TESTED", "examination.laslett", "cannot be judged"),
                forRow("onset alone is context, not proof", h -> h.mechanism = OnsetMechanism.LIFT_AND_TWIST, LUMBAR, LOW, null,
                        UNDETERMINED, "LUMBAR_CONTEXT_ONSET", "onset.mechanism", "supporting context only, not proof"),
                forRow("observation alone is context, not proof", h -> {
                    h.sittingTolerance = SittingTolerance.UNABLE;
                    h.posture.add(Posture.LATERAL_SHIFT);
                }, PIRIFORMIS_DEEP_GLUTEAL, LOW, null, UNDETERMINED, "PIRIFORMIS_CONTEXT_SITTING_TOLERANCE",
                        "observation.sittingTolerance", "Observed sitting tolerance unable: supporting context only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("origins")
    void classifiesWithTheDecidingFinding(String name, Consumer<HistoryBuilder> findings, Origin origin, Likelihood likelihood,
                                          NerveRoot level, Origin primary, boolean against, String ruleId, String path,
                                          String fragment) {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable().with(findings));
        OriginEstimate estimate = plan.origin().estimateOf(origin);

        assertThat(estimate.likelihood()).isEqualTo(likelihood);
        assertThat(estimate.level()).isEqualTo(level);
        assertThat(plan.origin().primary()).isEqualTo(primary);
        assertThat(against ? estimate.findingsAgainst() : estimate.findingsFor()).anySatisfy(reason -> {
            assertThat(reason.ruleId()).isEqualTo(ruleId);
            assertThat(reason.finding()).isEqualTo(path);
            assertThat(reason.explanation()).contains(fragment);
        });
    }

    @Test
    void everyOriginIsEstimatedInRuleOrder() {
        TreatmentPlan plan = TestRules.plan(HistoryBuilder.unremarkable());

        assertThat(plan.origin().estimates()).extracting(OriginEstimate::origin)
                .containsExactly(LUMBAR, SACROILIAC, PIRIFORMIS_DEEP_GLUTEAL);
        assertThat(plan.origin().estimates()).allSatisfy(e -> assertThat(e.likelihood()).isEqualTo(LOW));
    }

    private static Arguments forRow(String name, Consumer<HistoryBuilder> findings, Origin origin, Likelihood likelihood,
                                    NerveRoot level, Origin primary, String ruleId, String path, String fragment) {
        return arguments(name, findings, origin, likelihood, level, primary, false, ruleId, path, fragment);
    }

    private static Arguments againstRow(String name, Consumer<HistoryBuilder> findings, Origin origin, Likelihood likelihood,
                                        Origin primary, String ruleId, String path, String fragment) {
        return arguments(name, findings, origin, likelihood, null, primary, true, ruleId, path, fragment);
    }
}
