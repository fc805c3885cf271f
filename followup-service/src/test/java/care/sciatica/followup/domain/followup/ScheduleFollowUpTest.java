package care.sciatica.followup.domain.followup;

import static care.sciatica.followup.domain.Fixtures.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.followup.domain.Fixtures;
import care.sciatica.followup.domain.calendar.BusyInterval;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.Slot;
import care.sciatica.followup.domain.calendar.Therapist;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleFollowUpTest {

    private static final Instant MONDAY_11 = Instant.parse("2026-03-02T11:00:00Z");
    private static final Map<String, SiteCalendar> SITES = Fixtures.seedSites();

    private final ScheduleFollowUp schedule = new ScheduleFollowUp(new ChooseFollowUp(Fixtures.seedPolicy()));

    @Test
    void aGoodSessionGetsTheFirstSlotOfTheRoutineWindowWithTheSameTherapist() {
        FollowUpProposal proposal = schedule.after(completed("site-north", 7, 4, MONDAY_11), SITES.get("site-north"), List.of(),
                MONDAY_11);

        assertThat(proposal).isEqualTo(new ProposedVisit(
                new Slot(Fixtures.THERAPIST_REF, Instant.parse("2026-03-09T09:00:00Z"), Instant.parse("2026-03-09T09:45:00Z")),
                new AppointmentWindow(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-12"), ScheduleReason.ROUTINE_INTERVAL,
                        false),
                true));
    }

    @Test
    void aFullCalendarBecomesATaskThatSaysNoSlotWasFound() {
        SiteCalendar north = SITES.get("site-north");
        List<BusyInterval> allTaken = north.therapists().stream().map(Therapist::ref)
                .map(ref -> new BusyInterval(ref, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-20T00:00:00Z")))
                .toList();

        FollowUpProposal proposal = schedule.after(completed("site-north", 4, 6, MONDAY_11), north, allTaken, MONDAY_11);

        assertThat(proposal).isEqualTo(new FollowUpTask(TaskKind.BOOK_BY_HAND, TaskReason.NO_SLOT_FOUND,
                MONDAY_11.plus(Duration.ofHours(24)),
                new AppointmentWindow(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-05"),
                        ScheduleReason.SOONER_WORSE_FLAGGED, true)));
    }

    @Test
    void theCalendarMustBeTheSessionsSite() {
        assertThatThrownBy(() -> schedule.after(completed("site-north", 7, 4, MONDAY_11), SITES.get("site-south"), List.of(),
                MONDAY_11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site-south");
    }
}
