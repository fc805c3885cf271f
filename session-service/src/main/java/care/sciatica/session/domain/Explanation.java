package care.sciatica.session.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The explanation given to the patient so far: the points explained (in a stable order), whether their questions were
 * answered, and when it was last recorded.
 */
public record Explanation(List<ExplanationPoint> points, boolean questionsAnswered, Instant at) {

    public Explanation {
        points = points.stream().filter(Objects::nonNull).distinct().sorted().toList();
        Objects.requireNonNull(at, "at");
    }

    /** This explanation with further points; the answer about questions is the latest one given. */
    public Explanation plus(Collection<ExplanationPoint> more, boolean answered, Instant when) {
        return new Explanation(Stream.concat(points.stream(), more.stream()).toList(), answered, when);
    }

    /** The points the plan needs explained that this explanation does not cover yet. */
    public List<ExplanationPoint> missingFor(TreatmentPlan plan) {
        return ExplanationPoint.requiredFor(plan).stream().filter(point -> !points.contains(point)).toList();
    }
}
