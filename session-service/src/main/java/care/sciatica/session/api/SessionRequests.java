package care.sciatica.session.api;

import care.sciatica.contracts.common.Advice;
import care.sciatica.contracts.common.BodySite;
import care.sciatica.contracts.common.HeatKind;
import care.sciatica.contracts.common.Pressure;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.contracts.session.Technique;
import care.sciatica.session.domain.ExplanationPoint;
import care.sciatica.session.domain.StepParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bodies a therapist posts while running a session. */
public final class SessionRequests {

    private SessionRequests() {
    }

    public record OpenSession(@NotNull UUID caseId) {
    }

    public record Explanation(@NotEmpty List<@NotNull ExplanationPoint> points, boolean questionsAnswered) {
    }

    public record Consent(@NotNull ConsentDecision decision, @NotNull ConsentMethod method) {
    }

    public record Withdrawal(@NotNull ConsentMethod method) {
    }

    public record Pain(@NotNull @Min(0) @Max(10) Integer nrs) {
    }

    public record Step(@NotNull TreatmentStep step, @NotNull StepOutcome outcome, @Valid Parameters parameters,
                       DeviationReason deviationReason, @Valid Override override) {
    }

    /** What was done in a step; the protocol's limits (e.g. two ice cubes) are the session rules' to judge. */
    public record Parameters(List<@NotNull BodySite> sites, Integer iceCubesAtOnce, @Min(0) @Max(60) Integer minutes,
                             HeatKind heatKind, Instant heatAppliedAt, Instant heatRemovedAt,
                             List<@NotNull BodySite> regions, Pressure pressure, Technique technique) {

        StepParameters toDomain() {
            return new StepParameters(sites, iceCubesAtOnce, minutes, heatKind, heatAppliedAt, heatRemovedAt,
                    regions, pressure, technique);
        }
    }

    /** A clinical lead's approval of a step the plan excluded. */
    public record Override(@NotBlank @Size(max = 500) String reason) {
    }

    public record AdviceGiven(@NotNull List<@NotNull Advice> advice) {
    }

    public record EndEarly(@NotNull EndReason reason) {
    }

    public record Notes(@NotNull @Size(max = 4000) String notes) {
    }
}
