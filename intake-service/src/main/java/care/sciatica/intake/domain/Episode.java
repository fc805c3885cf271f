package care.sciatica.intake.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-up visits of one episode of care, oldest first. Visit 1 is the intake; each later visit opens when the
 * patient comes and stays open until it is reviewed. Visits open one after another, and at most one is open at a time.
 */
public final class Episode {

    /** The first follow-up visit. */
    public static final int FIRST_FOLLOW_UP = 2;

    private final List<Visit> visits;

    public Episode(List<Visit> visits) {
        this.visits = visits.stream().sorted(Comparator.comparingInt(Visit::number)).toList();
    }

    /** A follow-up visit: its number, the appointment the patient came to, and whether it has been reviewed. */
    public record Visit(int number, UUID appointmentId, boolean reviewed) {
    }

    /** What a report that visit {@code number} started means for the episode. */
    public sealed interface Start {
    }

    /** The visit opens now. */
    public record Opens(int number) implements Start {
    }

    /** The visit is already known from this very appointment: a repeated report, nothing changes. */
    public record AlreadyKnown(int number) implements Start {
    }

    /** The visit cannot open: the report does not fit the episode as recorded. */
    public record OutOfOrder(String reason) implements Start {
    }

    /** Why a visit cannot be reviewed: a problem type and the detail to show. */
    public record Refusal(String type, String detail) {
    }

    public Start start(int number, UUID appointmentId) {
        Optional<Visit> known = visit(number);
        if (known.isPresent()) {
            return known.get().appointmentId().equals(appointmentId)
                    ? new AlreadyKnown(number)
                    : new OutOfOrder("visit " + number + " was already started from appointment "
                    + known.get().appointmentId());
        }
        int next = last().map(visit -> visit.number() + 1).orElse(FIRST_FOLLOW_UP);
        if (number != next) {
            return new OutOfOrder("visit " + number + " does not follow the episode's last visit; the next is "
                    + next);
        }
        Optional<Visit> open = open();
        if (open.isPresent()) {
            return new OutOfOrder("visit " + open.get().number() + " is still open (not reviewed); an episode has at"
                    + " most one open visit");
        }
        return new Opens(number);
    }

    /** The visit that awaits its review, if any. */
    public Optional<Visit> open() {
        return last().filter(visit -> !visit.reviewed());
    }

    /** Why visit {@code number} cannot be reviewed now; empty when it is the open visit. */
    public Optional<Refusal> refusalToReview(int number) {
        Optional<Visit> open = open();
        if (open.isPresent() && open.get().number() == number) {
            return Optional.empty();
        }
        if (visit(number).filter(Visit::reviewed).isPresent()) {
            return Optional.of(new Refusal("visit-already-reviewed", "Visit " + number
                    + " has already been reviewed; a review is recorded once"));
        }
        String openNow = open.map(visit -> "visit " + visit.number() + " is the open visit")
                .orElse("the case has no open visit (a visit opens when the patient comes to a follow-up"
                        + " appointment)");
        return Optional.of(new Refusal("visit-not-open", "Visit " + number + " is not open for review; "
                + openNow));
    }

    private Optional<Visit> visit(int number) {
        return visits.stream().filter(visit -> visit.number() == number).findFirst();
    }

    private Optional<Visit> last() {
        return visits.isEmpty() ? Optional.empty() : Optional.of(visits.getLast());
    }
}
