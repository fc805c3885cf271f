package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.Thresholds;
import care.sciatica.contracts.assessment.Likelihood;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.intake.CentralisationResult;
import care.sciatica.contracts.intake.History;
import care.sciatica.contracts.intake.Laslett;
import care.sciatica.contracts.intake.OnsetMechanism;
import care.sciatica.contracts.intake.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely a sacroiliac origin is: the Laslett cluster (≥3 of 5, or ≥2 of 4 without Gaenslen) counts only when
 * repeated movements did not centralise the pain (REFERENCE.md §1 rule 3). A fall is context only.
 */
final class SacroiliacSigns {

    private SacroiliacSigns() {
    }

    static OriginEstimate estimate(History history, Thresholds t) {
        Laslett laslett = history.examination().laslett();
        Map<String, TestResult> tests = new LinkedHashMap<>();
        tests.put("distraction", laslett.distraction());
        tests.put("thigh thrust", laslett.thighThrust());
        tests.put("compression", laslett.compression());
        tests.put("sacral thrust", laslett.sacralThrust());
        tests.put("Gaenslen", laslett.gaenslen());
        boolean gaenslenTested = laslett.gaenslen() != TestResult.NOT_TESTED;
        int needed = gaenslenTested ? t.laslettPositivesWithGaenslen().get() : t.laslettPositivesWithoutGaenslen().get();
        List<String> positive = tests.entrySet().stream().filter(e -> e.getValue() == TestResult.POSITIVE)
                .map(Map.Entry::getKey).toList();
        boolean anyTested = tests.values().stream().anyMatch(r -> r != TestResult.NOT_TESTED);
        boolean cluster = positive.size() >= needed;
        String count = "Laslett cluster " + positive.size() + " of " + (gaenslenTested ? 5 : 4) + " positive"
                + (gaenslenTested ? "" : " (Gaenslen not tested)");

        List<Reason> findingsFor = new ArrayList<>();
        List<Reason> against = new ArrayList<>();
        if (!anyTested) {
            against.add(Reason.of("SIJ_LASLETT_NOT_TESTED", "examination.laslett",
                    "Laslett cluster not tested: a sacroiliac origin cannot be judged"));
        } else if (cluster) {
            findingsFor.add(Reason.of("SIJ_LASLETT_CLUSTER", "examination.laslett", count + " ("
                    + String.join(", ", positive) + "): at least " + needed + " reproduce the familiar pain"));
        } else {
            against.add(Reason.of("SIJ_LASLETT_NEGATIVE", "examination.laslett", count + ": fewer than the "
                    + needed + " needed"));
        }
        CentralisationResult centralisation = history.examination().centralisation();
        if (centralisation == CentralisationResult.YES) {
            against.add(Reason.of("SIJ_AGAINST_CENTRALISATION", "examination.centralisation",
                    "Centralisation argues against a sacroiliac origin: the Laslett cluster counts only without it"));
        } else if (centralisation == CentralisationResult.NOT_TESTED && cluster) {
            against.add(Reason.of("SIJ_CENTRALISATION_NOT_TESTED", "examination.centralisation",
                    "Centralisation not tested: the Laslett cluster is specific only once centralisers are excluded"));
        }
        OnsetMechanism mechanism = history.onset().mechanism();
        if (mechanism == OnsetMechanism.SLIP_OR_FALL || mechanism == OnsetMechanism.JUMP_DOWN) {
            findingsFor.add(Reason.of("SIJ_CONTEXT_FALL_OR_JUMP", "onset.mechanism", "Onset "
                    + LumbarSigns.words(mechanism.name()) + ": jarring of the pelvis, supporting context only, not proof"));
        }
        Likelihood likelihood = !cluster || centralisation == CentralisationResult.YES ? Likelihood.LOW
                : centralisation == CentralisationResult.NO ? Likelihood.HIGH : Likelihood.MODERATE;
        return new OriginEstimate(Origin.SACROILIAC, likelihood, null, findingsFor, against);
    }
}
