package care.sciatica.followup.domain.followup;

import static care.sciatica.followup.domain.Fixtures.completed;
import static care.sciatica.followup.domain.Fixtures.endedEarly;
import static care.sciatica.followup.domain.Fixtures.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.followup.ScheduleReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import care.sciatica.followup.domain.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChooseFollowUpTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 2 March 2026, 11:00 in London (GMT). */
    private static final Instant MONDAY_11 = Instant.parse("2026-03-02T11:00:00Z");

    private final ChooseFollowUp choose = new ChooseFollowUp(Fixtures.seedPolicy());

    @ParameterizedTest(name = "{0}: NRS {1} -> {2} gives {3} {4}..{5}, flag {6}")
    @CsvSource(textBlock = """
            # site,       before, after, reason,               earliest,   latest,     flag
            site-north,   7,      5,     ROUTINE_INTERVAL,     2026-03-09, 2026-03-12, false
            site-north,   8,      2,     ROUTINE_INTERVAL,     2026-03-09, 2026-03-12, false
            site-north,   10,     0,     ROUTINE_INTERVAL,     2026-03-09, 2026-03-12, false
            site-north,   1,      0,     ROUTINE_INTERVAL,     2026-03-09, 2026-03-12, false
            site-north,   0,      0,     ROUTINE_INTERVAL,     2026-03-09, 2026-03-12, false
            site-north,   6,      5,     SOONER_LITTLE_CHANGE, 2026-03-04, 2026-03-06, false
            site-north,   5,      5,     SOONER_LITTLE_CHANGE, 2026-03-04, 2026-03-06, false
            site-north,   2,      1,     SOONER_LITTLE_CHANGE, 2026-03-04, 2026-03-06, false
            site-north,   4,      5,     SOONER_WORSE_FLAGGED, 2026-03-03, 2026-03-05, true
            site-north,   2,      9,     SOONER_WORSE_FLAGGED, 2026-03-03, 2026-03-05, true
            site-north,   0,      1,     SOONER_WORSE_FLAGGED, 2026-03-03, 2026-03-05, true
            site-south,   7,      5,     ROUTINE_INTERVAL,     2026-03-05, 2026-03-07, false
            site-south,   6,      5,     SOONER_LITTLE_CHANGE, 2026-03-04, 2026-03-05, false
            site-south,   4,      6,     SOONER_WORSE_FLAGGED, 2026-03-03, 2026-03-05, true
            site-east,    7,      5,     ROUTINE_INTERVAL,     2026-03-09, 2026-03-12, false
            site-east,    6,      5,     SOONER_LITTLE_CHANGE, 2026-03-04, 2026-03-06, false
            """)
    void aCompletedSessionGetsTheWindowOfItsPainChange(String siteId, int before, int after, ScheduleReason reason,
                                                       LocalDate earliest, LocalDate latest, boolean flag) {
        AppointmentWindow window = choose.after(completed(siteId, before, after, MONDAY_11), LONDON);

        assertThat(window).isEqualTo(new AppointmentWindow(earliest, latest, reason, flag));
    }

    @Test
    void theWindowCountsFromTheSessionDayAtTheSiteNotInUtc() {
        // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST): the session happened on the 2nd.
        AppointmentWindow window = choose.after(completed("site-north", 7, 3, Instant.parse("2026-06-01T23:30:00Z")), LONDON);

        assertThat(window.earliest()).isEqualTo(LocalDate.parse("2026-06-09"));
        assertThat(window.latest()).isEqualTo(LocalDate.parse("2026-06-12"));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2} within {3}")
    @CsvSource(textBlock = """
            REFUSED,     CONSENT_REFUSED,   CALL_PATIENT,         P2D
            WITHDRAWN,   CONSENT_WITHDRAWN, CALL_PATIENT,         PT24H
            ENDED_EARLY, PATIENT_UNWELL,    CALL_PATIENT,         PT24H
            ENDED_EARLY, ADVERSE_REACTION,  CLINICAL_LEAD_REVIEW, PT4H
            ENDED_EARLY, RED_FLAG_FOUND,    CLINICAL_LEAD_REVIEW, PT1H
            ENDED_EARLY, OTHER_CLINICAL,    CLINICAL_LEAD_REVIEW, PT24H
            """)
    void aSessionThatEndedEarlyBecomesATaskForAPerson(EndState state, EndReason reason, TaskKind kind, Duration dueWithin) {
        FollowUpTask task = choose.after(endedEarly("site-north", state, reason, MONDAY_11));

        assertThat(task).isEqualTo(new FollowUpTask(kind, TaskReason.of(reason), MONDAY_11.plus(dueWithin), null));
    }

    @ParameterizedTest(name = "referral {0} -> arrange within {1}")
    @CsvSource(textBlock = """
            EMERGENCY, PT1H
            URGENT,    PT24H
            SOON,      P7D
            """)
    void aReferralBecomesATaskDueByItsUrgency(Urgency urgency, Duration dueWithin) {
        FollowUpTask task = choose.after(referral("site-south", urgency, MONDAY_11));

        assertThat(task.kind()).isEqualTo(TaskKind.ARRANGE_REFERRAL);
        assertThat(task.reason()).isEqualTo(TaskReason.valueOf("REFERRAL_" + urgency));
        assertThat(task.dueBy()).isEqualTo(MONDAY_11.plus(dueWithin));
        assertThat(task.window()).isNull();
    }

    @Test
    void aFullCalendarBecomesABookByHandTaskThatKeepsTheWindow() {
        AppointmentWindow window = choose.after(completed("site-south", 3, 6, MONDAY_11), LONDON);

        FollowUpTask task = choose.noSlotFound("site-south", window, MONDAY_11);

        assertThat(task).isEqualTo(new FollowUpTask(TaskKind.BOOK_BY_HAND, TaskReason.NO_SLOT_FOUND,
                MONDAY_11.plus(Duration.ofHours(4)), window));
        assertThat(task.window().flagForLead()).isTrue();
    }

    @Test
    void aNoShowBecomesACallDueByTheSitesRuleFromWhenItWasRecorded() {
        for (String site : new String[] {"site-north", "site-south"}) {
            assertThat(choose.noShow(site, MONDAY_11))
                    .isEqualTo(new FollowUpTask(TaskKind.CALL_PATIENT, TaskReason.NO_SHOW, MONDAY_11.plus(Duration.ofHours(24)),
                            null));
        }
    }

    @Test
    void decideDispatchesEachInputEvent() {
        assertThat(choose.decide(completed("site-north", 7, 5, MONDAY_11), LONDON)).isInstanceOf(AppointmentWindow.class);
        assertThat(choose.decide(endedEarly("site-north", EndState.WITHDRAWN, EndReason.CONSENT_WITHDRAWN, MONDAY_11), LONDON))
                .isInstanceOf(FollowUpTask.class);
        assertThat(choose.decide(referral("site-north", Urgency.URGENT, MONDAY_11), LONDON)).isInstanceOf(FollowUpTask.class);
        assertThatThrownBy(() -> choose.decide(new TaskRule(TaskKind.CALL_PATIENT, Duration.ofHours(1)), LONDON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TaskRule");
    }

    @Test
    void everyEndReasonAndUrgencyHasATaskReason() {
        for (EndReason reason : EndReason.values()) {
            assertThat(TaskReason.of(reason).name()).isEqualTo(reason.name());
        }
        for (Urgency urgency : Urgency.values()) {
            assertThat(TaskReason.of(urgency).name()).endsWith(urgency.name());
        }
    }
}
