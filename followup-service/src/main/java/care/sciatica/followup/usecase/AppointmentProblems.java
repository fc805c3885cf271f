package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.appointment.AppointmentRuleViolation;
import care.sciatica.platform.problem.Problem;
import care.sciatica.platform.problem.ProblemException;

import java.sql.SQLException;
import java.util.List;

/** Turns refused appointment changes into problem answers: a wrong state or a taken slot is a conflict. */
final class AppointmentProblems {

    /** PostgreSQL's exclusion_violation: the no-double-booking constraint refused the row. */
    static final String EXCLUSION_VIOLATION = "23P01";
    private static final String CONSTRAINT = "appointment_no_double_booking";

    private AppointmentProblems() {
    }

    static ProblemException of(AppointmentRuleViolation violation) {
        return new ProblemException(409, "appointment/" + violation.code().name().toLowerCase().replace('_', '-'),
                "Not allowed in the appointment's current state",
                violation.reason() + " (appointment state " + violation.state() + ")", List.of());
    }

    static ProblemException slotTaken(String therapistRef, Object start) {
        return new ProblemException(409, "appointment/slot-taken", "The slot is taken",
                "Therapist " + therapistRef + " already has an appointment overlapping " + start, List.of());
    }

    static ProblemException notBookable(String siteId, String reason) {
        return new ProblemException(422, "appointment/slot-not-bookable", "The slot cannot be booked",
                "start: " + reason, List.of(new Problem.FieldProblem("start", reason + " at " + siteId)));
    }

    /** Whether a failure, wrapped however deep by Hibernate or the driver, is the double-booking exclusion. */
    static boolean isDoubleBooking(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && EXCLUSION_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof org.hibernate.JDBCException jdbc && EXCLUSION_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains(CONSTRAINT)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
