package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.contracts.common.NerveRoot;
import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.intake.BaselineOutcomes;
import care.sciatica.contracts.intake.CentralisationResult;
import care.sciatica.contracts.intake.Conditions;
import care.sciatica.contracts.intake.Examination;
import care.sciatica.contracts.intake.Gait;
import care.sciatica.contracts.intake.HipReplacement;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.KneeReplacement;
import care.sciatica.contracts.intake.Laslett;
import care.sciatica.contracts.intake.LumbarSurgery;
import care.sciatica.contracts.intake.MyotomalPower;
import care.sciatica.contracts.intake.NeurologicalChange;
import care.sciatica.contracts.intake.Observation;
import care.sciatica.contracts.intake.Onset;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.OnsetPattern;
import care.sciatica.contracts.intake.Pain;
import care.sciatica.contracts.intake.PainArea;
import care.sciatica.contracts.intake.PainFactor;
import care.sciatica.contracts.intake.Posture;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.intake.RedFlags;
import care.sciatica.contracts.intake.ReflexResult;
import care.sciatica.contracts.intake.Reflexes;
import care.sciatica.contracts.intake.SitToStand;
import care.sciatica.contracts.intake.SittingTolerance;
import care.sciatica.contracts.intake.StraightLegRaise;
import care.sciatica.contracts.intake.Surgery;
import care.sciatica.contracts.intake.TestResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static care.sciatica.contracts.intake.RedFlagAnswer.NO;
import static care.sciatica.contracts.intake.TestResult.NEGATIVE;
import static care.sciatica.contracts.intake.TestResult.NOT_TESTED;
import static care.sciatica.contracts.intake.TestResult.POSITIVE;

/** A history a test can change field by field; starts from a case with nothing remarkable in it. */
final class HistoryBuilder {

    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 3, 2);

    int ageYears = 40;
    OnsetMechanism mechanism = OnsetMechanism.GRADUAL_OTHER;
    LocalDate beganOn = ASSESSED_ON.minusDays(200);
    Side side = Side.LEFT;
    List<PainArea> distribution = new ArrayList<>(List.of(PainArea.THIGH));
    List<PainFactor> aggravating = new ArrayList<>();
    boolean nightPain;
    LumbarSurgery lumbarSurgery;
    HipReplacement hipReplacement;
    KneeReplacement kneeReplacement;
    boolean otherRelevantSurgery;
    boolean raynauds, coldUrticaria, impairedSensation, circulatoryDisease, knownDvt, anticoagulants, osteoporosis,
            longTermSteroids, cancerHistory, pregnancy, skinLesions;
    RedFlagAnswer saddleNumbness = NO, bladderOrBowel = NO, legWeakness = NO, fever = NO, weightLoss = NO,
            majorTrauma = NO, ivDrugUse = NO, immunosuppression = NO;
    Gait gait = Gait.ANTALGIC;
    List<Posture> posture = new ArrayList<>(List.of(Posture.UPRIGHT));
    SitToStand sitToStand = SitToStand.NORMAL;
    SittingTolerance sittingTolerance = SittingTolerance.NORMAL;
    StraightLegRaise slr;
    TestResult crossedSlr = NOT_TESTED, slump = NOT_TESTED;
    List<NerveRoot> dermatomes = new ArrayList<>();
    Integer hipFlexion, kneeExtension, dorsiflexion, bigToe, plantarFlexion;
    ReflexResult kneeJerk = ReflexResult.NOT_TESTED, ankleJerk = ReflexResult.NOT_TESTED;
    CentralisationResult centralisation = CentralisationResult.NOT_TESTED;
    TestResult distraction = NOT_TESTED, thighThrust = NOT_TESTED, compression = NOT_TESTED, sacralThrust = NOT_TESTED,
            gaenslen = NOT_TESTED, fair = NOT_TESTED, activePiriformis = NOT_TESTED, seatedStretch = NOT_TESTED;
    boolean notchTenderness;
    /** At a follow-up visit, the review's change in the neurological signs; null at intake. */
    NeurologicalChange neurologicalChange;

    /** Nothing remarkable: no red flag, no condition, every test not done; the origin is undetermined. */
    static HistoryBuilder unremarkable() {
        return new HistoryBuilder();
    }

    /**
     * Every mobilisation indicated: a sacroiliac cluster without centralisation (SIJ HIGH) and a crossed SLR (lumbar
     * MODERATE), normal neurology; so a contraindication is the only thing that can change a step.
     */
    static HistoryBuilder everyStepIndicated() {
        HistoryBuilder h = new HistoryBuilder();
        h.centralisation = CentralisationResult.NO;
        h.distraction = POSITIVE;
        h.thighThrust = POSITIVE;
        h.compression = POSITIVE;
        h.sacralThrust = NEGATIVE;
        h.gaenslen = NEGATIVE;
        h.crossedSlr = POSITIVE;
        return h;
    }

    HistoryBuilder with(Consumer<HistoryBuilder> change) {
        change.accept(this);
        return this;
    }

    History build() {
        return new History(
                new Onset(mechanism, beganOn, OnsetPattern.BUILT_UP),
                new Pain(side, List.copyOf(distribution), 5, 7, List.copyOf(aggravating), List.of(PainFactor.LYING), nightPain),
                new Surgery(lumbarSurgery, hipReplacement, kneeReplacement, otherRelevantSurgery),
                new Conditions(raynauds, coldUrticaria, impairedSensation, circulatoryDisease, knownDvt, anticoagulants,
                        osteoporosis, longTermSteroids, cancerHistory, pregnancy, skinLesions),
                new RedFlags(saddleNumbness, bladderOrBowel, legWeakness, fever, weightLoss, majorTrauma, ivDrugUse,
                        immunosuppression),
                new Observation(gait, List.copyOf(posture), sitToStand, sittingTolerance),
                new Examination(slr, crossedSlr, slump, List.copyOf(dermatomes),
                        new MyotomalPower(hipFlexion, kneeExtension, dorsiflexion, bigToe, plantarFlexion),
                        new Reflexes(kneeJerk, ankleJerk), centralisation,
                        new Laslett(distraction, thighThrust, compression, sacralThrust, gaenslen),
                        fair, activePiriformis, seatedStretch, notchTenderness),
                new BaselineOutcomes(5, null, null));
    }

    CaseFacts facts() {
        return new CaseFacts(build(), ageYears, ASSESSED_ON, neurologicalChange);
    }
}
