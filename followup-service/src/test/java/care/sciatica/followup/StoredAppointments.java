package care.sciatica.followup;

import care.sciatica.followup.persistence.AppointmentRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixtures: appointments stored directly, on far-future days no other test is likely to use, or on long-past days
 * for what may only be recorded once an appointment has started (attendance, no-show) without waiting for a clock.
 */
public final class StoredAppointments {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final String NORTH_THERAPIST = "st_8H3L5V2P";

    private StoredAppointments() {
    }

    private static final int FUTURE_WEEKS = 3_000;
    private static final int PAST_WEEKS = 2_500;
    private static final AtomicInteger FUTURE = new AtomicInteger(ThreadLocalRandom.current().nextInt(FUTURE_WEEKS));
    private static final AtomicInteger PAST = new AtomicInteger(ThreadLocalRandom.current().nextInt(PAST_WEEKS));

    /**
     * A Wednesday between 2031 and 2088 that no earlier call in this run has handed out (consecutive weeks from a random
     * start, so two tests never share a calendar day by chance; FHIR validators warn about years past 2100): both
     * site-north therapists work, the site is open 09-13 and 14-18.
     */
    public static LocalDate freshWednesday() {
        return LocalDate.of(2031, 1, 1).plusWeeks(FUTURE.getAndIncrement() % FUTURE_WEEKS)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
    }

    /** A Wednesday between 1971 and 2020 not handed out before in this run: long started, never in the booking horizon. */
    public static LocalDate pastWednesday() {
        return LocalDate.of(1971, 1, 6).plusWeeks(PAST.getAndIncrement() % PAST_WEEKS)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
    }

    public static Instant at(LocalDate day, String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atZone(LONDON).toInstant();
    }

    /** Stores a PROPOSED 45-minute site-north appointment with the given therapist and start. */
    public static AppointmentRow store(String siteId, String therapistRef, Instant start) {
        return store(siteId, therapistRef, start, "PROPOSED");
    }

    /** Stores a 45-minute appointment in {@code state} (sequence 0) with the given therapist and start. */
    public static AppointmentRow store(String siteId, String therapistRef, Instant start, String state) {
        return store(UUID.randomUUID(), "pt_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), siteId,
                therapistRef, start, state);
    }

    /** Stores a 45-minute appointment of this case in {@code state} (sequence 0) with the given therapist and start. */
    public static AppointmentRow store(UUID caseId, String patientRef, String siteId, String therapistRef,
                                       Instant start, String state) {
        AppointmentRow row = new AppointmentRow();
        row.id = UUID.randomUUID();
        row.caseId = caseId;
        row.siteId = siteId;
        row.patientRef = patientRef;
        row.therapistRef = therapistRef;
        row.startsAt = start;
        row.endsAt = start.plusSeconds(45 * 60);
        row.state = state;
        row.sequence = 0;
        row.reason = "ROUTINE_INTERVAL";
        row.changedBy = "FOLLOWUP_POLICY";
        row.cancelReason = "CANCELLED".equals(state) ? "PATIENT_REQUEST" : null;
        row.flaggedForLead = false;
        row.createdAt = Instant.now();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(row::persist));
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot store a test appointment", e);
        }
    }

    public static long liveAppointmentsOf(String therapistRef, Instant start) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> AppointmentRow.count(
                    "therapistRef = ?1 and startsAt = ?2 and state <> 'CANCELLED'", therapistRef, start)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
