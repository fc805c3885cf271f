package care.sciatica.followup.domain.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.followup.domain.Fixtures;
import care.sciatica.followup.domain.appointment.AppointmentRuleViolation.Code;
import care.sciatica.followup.domain.calendar.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppointmentTest {

    static final Instant START = Instant.parse("2026-03-09T09:30:00Z");
    static final Slot FIRST = new Slot(Fixtures.THERAPIST_REF, START, START.plus(Duration.ofMinutes(45)));
    static final Slot LATER = new Slot("st_N4K7Q2W9", Instant.parse("2026-03-10T14:00:00Z"), Instant.parse("2026-03-10T14:45:00Z"));
    /** Ten minutes into the first slot: late enough to record attendance, early enough to move to LATER. */
    static final Instant NOW = START.plus(Duration.ofMinutes(10));

    /** What a person, the patient or a booking system can do to an appointment. */
    enum Action {
        CONFIRM(appointment -> appointment.confirm(AppointmentSource.BOOKING_SYSTEM)),
        RESCHEDULE(appointment -> appointment.reschedule(appointment.slot().equals(LATER) ? FIRST : LATER,
                AppointmentSource.FRONT_DESK, START.minus(Duration.ofDays(1)))),
        CANCEL(appointment -> appointment.cancel(CancelReason.PATIENT_REQUEST, AppointmentSource.BOOKING_SYSTEM)),
        ATTEND(appointment -> appointment.markAttended(AppointmentSource.FRONT_DESK, Instant.parse("2026-03-11T00:00:00Z"))),
        NO_SHOW(appointment -> appointment.markNoShow(AppointmentSource.FRONT_DESK, Instant.parse("2026-03-11T00:00:00Z")));

        final UnaryOperator<Appointment> apply;

        Action(UnaryOperator<Appointment> apply) {
            this.apply = apply;
        }
    }

    static Appointment proposed() {
        return Appointment.propose(UUID.fromString("b5c2e722-d6d3-4902-82b5-4f591aeeea79"), Fixtures.CASE_ID, "site-north",
                Fixtures.PATIENT_REF, FIRST, ScheduleReason.ROUTINE_INTERVAL, AppointmentSource.FOLLOWUP_POLICY);
    }

    /** An appointment brought into {@code state} the ordinary way, from a fresh proposal. */
    static Appointment in(AppointmentState state) {
        return switch (state) {
            case PROPOSED -> proposed();
            case CONFIRMED -> Action.CONFIRM.apply.apply(proposed());
            case RESCHEDULED -> Action.RESCHEDULE.apply.apply(proposed());
            case CANCELLED -> Action.CANCEL.apply.apply(proposed());
            case ATTENDED -> Action.ATTEND.apply.apply(in(AppointmentState.CONFIRMED));
            case NO_SHOW -> Action.NO_SHOW.apply.apply(in(AppointmentState.CONFIRMED));
        };
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            # every state against every action: the next state, or the code it is refused with
            PROPOSED,    CONFIRM,    CONFIRMED
            PROPOSED,    RESCHEDULE, RESCHEDULED
            PROPOSED,    CANCEL,     CANCELLED
            PROPOSED,    ATTEND,     ATTENDED
            PROPOSED,    NO_SHOW,    NOT_CONFIRMED
            CONFIRMED,   CONFIRM,    ALREADY_CONFIRMED
            CONFIRMED,   RESCHEDULE, RESCHEDULED
            CONFIRMED,   CANCEL,     CANCELLED
            CONFIRMED,   ATTEND,     ATTENDED
            CONFIRMED,   NO_SHOW,    NO_SHOW
            RESCHEDULED, CONFIRM,    CONFIRMED
            RESCHEDULED, RESCHEDULE, RESCHEDULED
            RESCHEDULED, CANCEL,     CANCELLED
            RESCHEDULED, ATTEND,     ATTENDED
            RESCHEDULED, NO_SHOW,    NO_SHOW
            CANCELLED,   CONFIRM,    FINAL_STATE
            CANCELLED,   RESCHEDULE, FINAL_STATE
            CANCELLED,   CANCEL,     FINAL_STATE
            CANCELLED,   ATTEND,     FINAL_STATE
            CANCELLED,   NO_SHOW,    FINAL_STATE
            ATTENDED,    CONFIRM,    FINAL_STATE
            ATTENDED,    RESCHEDULE, FINAL_STATE
            ATTENDED,    CANCEL,     FINAL_STATE
            ATTENDED,    ATTEND,     FINAL_STATE
            ATTENDED,    NO_SHOW,    FINAL_STATE
            NO_SHOW,     CONFIRM,    FINAL_STATE
            NO_SHOW,     RESCHEDULE, FINAL_STATE
            NO_SHOW,     CANCEL,     FINAL_STATE
            NO_SHOW,     ATTEND,     FINAL_STATE
            NO_SHOW,     NO_SHOW,    FINAL_STATE
            """)
    void eachStateAllowsOrRefusesEachAction(AppointmentState from, Action action, String outcome) {
        Appointment before = in(from);

        if (isState(outcome)) {
            Appointment after = action.apply.apply(before);
            assertThat(after.state()).isEqualTo(AppointmentState.valueOf(outcome));
            assertThat(after.sequence()).isEqualTo(before.sequence() + 1);
            assertThat(after.id()).isEqualTo(before.id());
        } else {
            assertThatThrownBy(() -> action.apply.apply(before))
                    .isInstanceOfSatisfying(AppointmentRuleViolation.class, refused -> {
                        assertThat(refused.code()).isEqualTo(Code.valueOf(outcome));
                        assertThat(refused.state()).isEqualTo(from);
                        assertThat(refused.reason()).isNotBlank();
                    });
        }
    }

    @Test
    void aRescheduleMovesTheTimeKeepsThePreviousOneAndBumpsTheSequence() {
        Appointment confirmed = in(AppointmentState.CONFIRMED);

        Appointment moved = confirmed.reschedule(LATER, AppointmentSource.FRONT_DESK, NOW);

        assertThat(moved.slot()).isEqualTo(LATER);
        assertThat(moved.therapistRef()).isEqualTo("st_N4K7Q2W9");
        assertThat(moved.previousStart()).isEqualTo(FIRST.start());
        assertThat(moved.previousEnd()).isEqualTo(FIRST.end());
        assertThat(moved.changedBy()).isEqualTo(AppointmentSource.FRONT_DESK);
        assertThat(moved.sequence()).isEqualTo(2);

        Appointment reconfirmed = moved.confirm(AppointmentSource.BOOKING_SYSTEM);
        assertThat(reconfirmed.state()).isEqualTo(AppointmentState.CONFIRMED);
        assertThat(reconfirmed.previousStart()).isEqualTo(FIRST.start());
        assertThat(reconfirmed.sequence()).isEqualTo(3);
    }

    @Test
    void aNewProposalStartsAtSequenceZero() {
        Appointment proposed = proposed();

        assertThat(proposed.state()).isEqualTo(AppointmentState.PROPOSED);
        assertThat(proposed.sequence()).isZero();
        assertThat(proposed.previousStart()).isNull();
        assertThat(proposed.cancelReason()).isNull();
    }

    @Test
    void aCancellationKeepsItsReason() {
        Appointment cancelled = in(AppointmentState.RESCHEDULED).cancel(CancelReason.REFERRED_OUT, AppointmentSource.FRONT_DESK);

        assertThat(cancelled.cancelReason()).isEqualTo(CancelReason.REFERRED_OUT);
        assertThat(cancelled.sequence()).isEqualTo(2);
    }

    @Test
    void refusesARescheduleToTheSameTimeOrIntoThePast() {
        Appointment confirmed = in(AppointmentState.CONFIRMED);

        assertThatThrownBy(() -> confirmed.reschedule(FIRST, AppointmentSource.BOOKING_SYSTEM, START.minusSeconds(60)))
                .isInstanceOfSatisfying(AppointmentRuleViolation.class, refused -> assertThat(refused.code()).isEqualTo(Code.SAME_TIME));
        assertThatThrownBy(() -> confirmed.reschedule(LATER, AppointmentSource.BOOKING_SYSTEM, LATER.start().plusSeconds(1)))
                .isInstanceOfSatisfying(AppointmentRuleViolation.class, refused -> assertThat(refused.code()).isEqualTo(Code.IN_THE_PAST));
    }

    @Test
    void refusesAttendanceOrANoShowBeforeTheStart() {
        Appointment confirmed = in(AppointmentState.CONFIRMED);

        assertThatThrownBy(() -> confirmed.markAttended(AppointmentSource.FRONT_DESK, START.minusSeconds(1)))
                .isInstanceOfSatisfying(AppointmentRuleViolation.class, refused -> assertThat(refused.code()).isEqualTo(Code.NOT_STARTED));
        assertThatThrownBy(() -> confirmed.markNoShow(AppointmentSource.FRONT_DESK, START.minusSeconds(1)))
                .isInstanceOfSatisfying(AppointmentRuleViolation.class, refused -> assertThat(refused.code()).isEqualTo(Code.NOT_STARTED));
        assertThat(confirmed.markAttended(AppointmentSource.FRONT_DESK, START).state()).isEqualTo(AppointmentState.ATTENDED);
    }

    @Test
    void onlyTheFourEventStatesHaveAnEventStatus() {
        assertThat(AppointmentState.CANCELLED.toStatus().name()).isEqualTo("CANCELLED");
        assertThatThrownBy(AppointmentState.ATTENDED::toStatus).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(AppointmentState.NO_SHOW::toStatus).isInstanceOf(IllegalStateException.class);
    }

    private static boolean isState(String outcome) {
        for (AppointmentState state : AppointmentState.values()) {
            if (state.name().equals(outcome)) {
                return true;
            }
        }
        return false;
    }
}
