package care.sciatica.assessment.domain.rules;

import care.sciatica.contracts.common.Side;
import care.sciatica.contracts.intake.LumbarSurgery;
import care.sciatica.contracts.intake.SurgicalApproach;

import java.util.Map;
import java.util.Optional;

/** The findings about previous surgery: which replaced joint is on the treated side, how recent, which approach. */
final class SurgeryFindings {

    private SurgeryFindings() {
    }

    static void register(Map<String, Findings.Check> checks) {
        checks.put("hipReplacementOnTreatedSide", (facts, t) -> Findings.hip(facts,
                hip -> Findings.sameSide(hip.side(), treatedSide(facts)), hipDetail(facts)));
        checks.put("hipReplacementOnOtherSide", (facts, t) -> Findings.hip(facts,
                hip -> !Findings.sameSide(hip.side(), treatedSide(facts)), hipDetail(facts)));
        checks.put("hipReplacementPosteriorPrecautions", (facts, t) -> Findings.hip(facts,
                hip -> Findings.posteriorPrecautions(hip.approach()), hipDetail(facts)));
        checks.put("hipReplacementAnteriorPrecautions", (facts, t) -> Findings.hip(facts,
                hip -> hip.approach() == SurgicalApproach.ANTERIOR, hipDetail(facts)));
        checks.put("hipReplacementRecent", (facts, t) -> Findings.hip(facts,
                hip -> Findings.daysBetween(hip.date(), facts.assessedOn()) <= t.recentHipReplacementDays().get(),
                hipDetail(facts)));
        checks.put("kneeReplacementOnTreatedSide", (facts, t) -> Findings.knee(facts,
                knee -> Findings.sameSide(knee.side(), treatedSide(facts))));
        checks.put("lumbarSurgeryRecent", (facts, t) -> lumbar(facts, t, true));
        checks.put("lumbarSurgeryEarlier", (facts, t) -> lumbar(facts, t, false));
    }

    private static Side treatedSide(CaseFacts facts) {
        return facts.history().pain().side();
    }

    private static String hipDetail(CaseFacts facts) {
        var hip = facts.history().surgery().hipReplacement();
        return hip == null ? "" : hip.side() + " hip, " + hip.approach() + " approach, " + hip.date();
    }

    private static Optional<FindingMatch> lumbar(CaseFacts facts, Thresholds t, boolean recent) {
        LumbarSurgery surgery = facts.history().surgery().lumbarSpine();
        if (surgery == null) {
            return Optional.empty();
        }
        boolean isRecent = Findings.daysBetween(surgery.date(), facts.assessedOn()) <= t.recentLumbarSurgeryDays().get();
        return isRecent == recent ? Findings.match("surgery.lumbarSpine", surgery.date().toString()) : Optional.empty();
    }
}
