package care.sciatica.assessment.usecase;

import care.sciatica.assessment.api.OverrideRequest;
import care.sciatica.assessment.domain.LeadOverride;
import care.sciatica.assessment.domain.StepParameters;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Turns an override request into the domain's override, or a problem naming every field that is wrong. */
final class OverrideInput {

    static final int MAX_REASON = 2000;

    private OverrideInput() {
    }

    static LeadOverride read(OverrideRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "a body with target and reason is required");
        }
        List<Problem.FieldProblem> problems = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(new Problem.FieldProblem("reason", "is required: say why the rules' decision is replaced"));
        } else if (request.reason().length() > MAX_REASON) {
            problems.add(new Problem.FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
        }
        OverrideRequest.Target target = request.target();
        if (target == null) {
            problems.add(new Problem.FieldProblem("target", "is required: ORIGIN, SUITABILITY or STEP"));
        }
        need(problems, target == OverrideRequest.Target.ORIGIN, "origin", request.origin(), target);
        need(problems, target == OverrideRequest.Target.SUITABILITY, "decision", request.decision(), target);
        need(problems, target == OverrideRequest.Target.STEP, "step", request.step(), target);
        need(problems, target == OverrideRequest.Target.STEP, "status", request.status(), target);
        if (request.parameters() != null && target != OverrideRequest.Target.STEP) {
            problems.add(new Problem.FieldProblem("parameters", "only for target STEP"));
        }
        StepParameters parameters = null;
        List<?> regions = request.parameters() == null ? null : request.parameters().regions();
        if (regions != null && regions.contains(null)) {
            problems.add(new Problem.FieldProblem("parameters.regions[" + regions.indexOf(null) + "]",
                    "must be a body site, not null"));
        } else if (request.parameters() != null && target == OverrideRequest.Target.STEP) {
            try {
                parameters = LeadOverrides.domain(request.parameters());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem.FieldProblem(parameterField(e.getMessage()), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return switch (target) {
            case ORIGIN -> new LeadOverride.OfOrigin(request.origin(), request.reason());
            case SUITABILITY -> new LeadOverride.OfSuitability(request.decision(), request.reason());
            case STEP -> new LeadOverride.OfStep(request.step(), request.status(), parameters, request.reason());
        };
    }

    /** A field is required for its own target and refused for the others, so a request means one thing only. */
    private static void need(List<Problem.FieldProblem> problems, boolean forTarget, String field, Object value,
                             OverrideRequest.Target target) {
        if (forTarget && value == null) {
            problems.add(new Problem.FieldProblem(field, "is required for target " + target));
        } else if (!forTarget && value != null && target != null) {
            problems.add(new Problem.FieldProblem(field, "not allowed for target " + target));
        }
    }

    private static String parameterField(String message) {
        return message.contains("ice cubes") ? "parameters.maxIceCubes"
                : message.contains("maxMinutes") ? "parameters.maxMinutes" : "parameters";
    }
}
