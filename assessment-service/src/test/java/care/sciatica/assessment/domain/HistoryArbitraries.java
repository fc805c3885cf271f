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
import care.sciatica.contracts.intake.SignChange;
import care.sciatica.contracts.intake.ReflexResult;
import care.sciatica.contracts.intake.Reflexes;
import care.sciatica.contracts.intake.SitToStand;
import care.sciatica.contracts.intake.SittingTolerance;
import care.sciatica.contracts.intake.StraightLegRaise;
import care.sciatica.contracts.intake.Surgery;
import care.sciatica.contracts.intake.SurgicalApproach;
import care.sciatica.contracts.intake.TestResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDate;
import java.util.List;

import static care.sciatica.assessment.domain.HistoryBuilder.ASSESSED_ON;

/**
 * Arbitrary histories that a valid history-recorded event could carry: every field generated, optional parts
 * sometimes absent, red flags and conditions rare enough that plans and referrals both turn up often.
 */
final class HistoryArbitraries {

    private HistoryArbitraries() {
    }

    static Arbitrary<CaseFacts> cases() {
        return Combinators.combine(histories(), Arbitraries.integers().between(12, 99))
                .as((history, age) -> new CaseFacts(history, age, ASSESSED_ON));
    }

    /** A case at any visit: at intake (no review) or at a follow-up visit's review, signs sometimes worse. */
    static Arbitrary<CaseFacts> visits() {
        Arbitrary<SignChange> sign = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(45, Arbitraries.just(SignChange.UNCHANGED)),
                net.jqwik.api.Tuple.of(45, Arbitraries.just(SignChange.IMPROVED)),
                net.jqwik.api.Tuple.of(10, Arbitraries.just(SignChange.WORSE)));
        Arbitrary<NeurologicalChange> change = Combinators.combine(sign, sign, sign).as(NeurologicalChange::new)
                .injectNull(0.3);
        return Combinators.combine(cases(), change)
                .as((facts, review) -> new CaseFacts(facts.history(), facts.ageYears(), facts.assessedOn(), review));
    }

    static Arbitrary<History> histories() {
        return Combinators.combine(onsets(), pains(), surgeries(), conditions(), redFlags(), observations(),
                examinations(), baselines()).as(History::new);
    }

    static Arbitrary<Onset> onsets() {
        return Combinators.combine(Arbitraries.of(OnsetMechanism.class), daysAgo(1500), Arbitraries.of(OnsetPattern.class))
                .as(Onset::new);
    }

    static Arbitrary<Pain> pains() {
        return Combinators.combine(Arbitraries.of(Side.class), listOf(PainArea.class, 1), nrs(), nrs(),
                        listOf(PainFactor.class, 0), listOf(PainFactor.class, 0), rarely())
                .as(Pain::new);
    }

    static Arbitrary<Surgery> surgeries() {
        Arbitrary<LumbarSurgery> lumbar = daysAgo(3000).map(LumbarSurgery::new).injectNull(0.7);
        Arbitrary<HipReplacement> hip = Combinators.combine(Arbitraries.of(Side.class), Arbitraries.of(SurgicalApproach.class),
                daysAgo(3000)).as(HipReplacement::new).injectNull(0.7);
        Arbitrary<KneeReplacement> knee = Combinators.combine(Arbitraries.of(Side.class), daysAgo(3000))
                .as(KneeReplacement::new).injectNull(0.8);
        return Combinators.combine(lumbar, hip, knee, rarely()).as(Surgery::new);
    }

    static Arbitrary<Conditions> conditions() {
        return rarely().list().ofSize(11).map(c -> new Conditions(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4),
                c.get(5), c.get(6), c.get(7), c.get(8), c.get(9), c.get(10)));
    }

    static Arbitrary<RedFlags> redFlags() {
        Arbitrary<RedFlagAnswer> answer = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(90, Arbitraries.just(RedFlagAnswer.NO)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(RedFlagAnswer.YES)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(RedFlagAnswer.NOT_ASKED)));
        return answer.list().ofSize(8).map(a -> new RedFlags(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5),
                a.get(6), a.get(7)));
    }

    static Arbitrary<Observation> observations() {
        return Combinators.combine(Arbitraries.of(Gait.class), listOf(Posture.class, 1), Arbitraries.of(SitToStand.class),
                Arbitraries.of(SittingTolerance.class)).as(Observation::new);
    }

    static Arbitrary<Examination> examinations() {
        Arbitrary<StraightLegRaise> slr = Combinators.combine(Arbitraries.of(Side.class),
                Arbitraries.integers().between(0, 90).injectNull(0.3), Arbitraries.of(true, false))
                .as(StraightLegRaise::new).injectNull(0.3);
        Arbitrary<Integer> grade = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, Arbitraries.just(5)),
                net.jqwik.api.Tuple.of(15, Arbitraries.just(4)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 3)),
                net.jqwik.api.Tuple.of(22, Arbitraries.just((Integer) null)));
        Arbitrary<MyotomalPower> power = grade.list().ofSize(5)
                .map(g -> new MyotomalPower(g.get(0), g.get(1), g.get(2), g.get(3), g.get(4)));
        Arbitrary<Reflexes> reflexes = Combinators.combine(Arbitraries.of(ReflexResult.class), Arbitraries.of(ReflexResult.class))
                .as(Reflexes::new);
        Arbitrary<List<TestResult>> tests = Arbitraries.of(TestResult.class).list().ofSize(10);
        Arbitrary<List<NerveRoot>> dermatomes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, Arbitraries.just(List.<NerveRoot>of())),
                net.jqwik.api.Tuple.of(3, listOf(NerveRoot.class, 1)));
        return Combinators.combine(slr, tests, dermatomes, power, reflexes, Arbitraries.of(CentralisationResult.class),
                        Arbitraries.of(true, false))
                .as((s, t, d, p, r, c, notch) -> new Examination(s, t.get(0), t.get(1), d, p, r, c,
                        new Laslett(t.get(2), t.get(3), t.get(4), t.get(5), t.get(6)), t.get(7), t.get(8), t.get(9), notch));
    }

    static Arbitrary<BaselineOutcomes> baselines() {
        return Combinators.combine(nrs(), Arbitraries.integers().between(0, 100).injectNull(0.4),
                Arbitraries.integers().between(0, 24).injectNull(0.4)).as(BaselineOutcomes::new);
    }

    private static Arbitrary<Integer> nrs() {
        return Arbitraries.integers().between(0, 10);
    }

    private static Arbitrary<Boolean> rarely() {
        return Arbitraries.integers().between(0, 9).map(i -> i < 2);
    }

    private static Arbitrary<LocalDate> daysAgo(int maxDays) {
        return Arbitraries.integers().between(0, maxDays).map(ASSESSED_ON::minusDays);
    }

    private static <E extends Enum<E>> Arbitrary<List<E>> listOf(Class<E> type, int minSize) {
        return Arbitraries.subsetOf(type.getEnumConstants()).ofMinSize(minSize).map(List::copyOf);
    }
}
