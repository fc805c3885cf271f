package care.sciatica.assessment.domain;

import care.sciatica.assessment.domain.rules.CaseFacts;
import care.sciatica.assessment.domain.rules.FindingMatch;
import care.sciatica.assessment.domain.rules.Findings;
import care.sciatica.assessment.domain.rules.Thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Fires a rule from the rules file: all its findings present gives the reason, citing the first finding's field. */
final class RuleFiring {

    private RuleFiring() {
    }

    static Optional<Reason> fire(String ruleId, List<String> when, String explanation, CaseFacts facts, Thresholds t) {
        List<FindingMatch> matches = new ArrayList<>();
        for (String finding : when) {
            Optional<FindingMatch> match = Findings.look(finding, facts, t);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            matches.add(match.get());
        }
        String details = matches.stream().map(FindingMatch::detail).filter(d -> !d.isBlank())
                .collect(Collectors.joining("; "));
        return Optional.of(Reason.of(ruleId, matches.getFirst().path(), explanation.replace("{detail}", details)));
    }
}
