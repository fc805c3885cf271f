package care.sciatica.followup.api;

import care.sciatica.contracts.EventType;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.StoredAppointments;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.usecase.FollowUpMetrics;
import care.sciatica.local.ScrapedMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.pastWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Recording whether the patient came. Appointments that must have started are stored on long-past days and those that
 * must not have started on far-future ones, so the service's real clock decides the same way on every run.
 */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "desk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class AttendanceTest {

    private static final String NO_SHOWS = "sciatica_appointments_total{event=\"no_show\",site=\"site-north\"}";
    private static final String ATTENDED = "sciatica_appointments_total{event=\"attended\",site=\"site-north\"}";
    private static final String TASKS_OPEN = "sciatica_followup_tasks_open{site=\"site-north\"}";
    private static final String PROBLEMS = "https://sciatica.care/problems/";

    @Inject
    Pool pool;

    @Inject
    FollowUpMetrics metrics;

    @Test
    void aNoShowIsRecordedOnceOpensACallTaskAndIsCountedOnce() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "10:30"), "CONFIRMED");
        String key = UUID.randomUUID().toString();
        metrics.refreshGauges().await().indefinitely();
        ScrapedMetrics before = scrape();
        Instant from = Instant.now();

        for (int i = 0; i < 2; i++) {
            record(stored, "NO_SHOW", key).statusCode(200)
                    .body("appointmentId", equalTo(stored.id.toString()))
                    .body("status", equalTo("NO_SHOW"))
                    .body("sequence", equalTo(1));
        }
        Instant to = Instant.now();

        given().get("/appointments/" + stored.id).then().statusCode(200)
                .body("status", equalTo("NO_SHOW"))
                .body("sequence", equalTo(1));
        List<Map<String, Object>> tasks = tasksOf(stored.caseId);
        assertThat(tasks).hasSize(1);
        Map<String, Object> task = tasks.getFirst();
        assertThat(task).containsEntry("kind", "CALL_PATIENT").containsEntry("reason", "NO_SHOW")
                .containsEntry("status", "OPEN").containsEntry("patientRef", stored.patientRef)
                .containsEntry("flaggedForLead", false);
        // Due by the policy's NO_SHOW rule (PT24H), counted from when the no-show was recorded.
        assertThat(Instant.parse((String) task.get("dueBy")))
                .isBetween(from.plus(Duration.ofHours(24)).minusSeconds(1), to.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(audit(stored)).singleElement().asString()
                .startsWith("desk.north appointment.no-show state=NO_SHOW sequence=1 source=FRONT_DESK task=CALL_PATIENT")
                .doesNotContain(stored.patientRef);
        assertThat(outboxOf(stored) + webhooksOf(stored)).as("clinic-only: no event, no webhook").isZero();

        ScrapedMetrics after = scrape();
        assertThat(after.value(NO_SHOWS)).isEqualTo(before.value(NO_SHOWS) + 1);
        assertThat(after.value(ATTENDED)).isEqualTo(before.value(ATTENDED));
        metrics.refreshGauges().await().indefinitely();
        assertThat(scrape().value(TASKS_OPEN)).isGreaterThanOrEqualTo(before.value(TASKS_OPEN) + 1)
                .isEqualTo((double) openTasksAtNorth());
    }

    @Test
    void theSameKeyForTheOtherOutcomeIsRefused() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "11:15"), "CONFIRMED");
        String key = UUID.randomUUID().toString();

        record(stored, "NO_SHOW", key).statusCode(200);
        record(stored, "ATTENDED", key).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));

        given().get("/appointments/" + stored.id).then().body("status", equalTo("NO_SHOW")).body("sequence", equalTo(1));
    }

    @Test
    @TestSecurity(user = "booking.north", roles = "booking-system")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aBookingSystemRecordsThatTheyCameEvenToANeverConfirmedTime() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "09:00"));
        ScrapedMetrics before = scrape();

        record(stored, "ATTENDED", UUID.randomUUID().toString()).statusCode(200)
                .body("status", equalTo("ATTENDED"))
                .body("sequence", equalTo(1));

        given().get("/appointments/" + stored.id).then().statusCode(200)
                .body("status", equalTo("ATTENDED"))
                .body("sequence", equalTo(1));
        assertThat(storedTasksOf(stored.caseId)).isZero();
        assertThat(audit(stored)).singleElement().asString()
                .isEqualTo("booking.north appointment.attended state=ATTENDED sequence=1 source=BOOKING_SYSTEM");
        assertThat(webhooksOf(stored)).isZero();
        assertThat(outboxTypesOf(stored)).as("no appointment event: the episode's next visit starts")
                .containsExactly(EventType.VISIT_STARTED.type());
        ScrapedMetrics after = scrape();
        assertThat(after.value(ATTENDED)).isEqualTo(before.value(ATTENDED) + 1);
        assertThat(after.value(NO_SHOWS)).isEqualTo(before.value(NO_SHOWS));
    }

    @Test
    void beforeItStartsNothingIsRecorded() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "10:30"), "CONFIRMED");
        ScrapedMetrics before = scrape();

        for (String outcome : List.of("NO_SHOW", "ATTENDED")) {
            record(stored, outcome, UUID.randomUUID().toString()).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "appointment/not-started"));
        }

        assertUnchanged(stored, "CONFIRMED");
        ScrapedMetrics after = scrape();
        assertThat(after.value(NO_SHOWS)).isEqualTo(before.value(NO_SHOWS));
        assertThat(after.value(ATTENDED)).isEqualTo(before.value(ATTENDED));
    }

    @Test
    void aProposedTimeThePatientNeverAcceptedCannotBeMissed() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "14:00"));

        record(stored, "NO_SHOW", UUID.randomUUID().toString()).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "appointment/not-confirmed"));

        assertUnchanged(stored, "PROPOSED");
    }

    @Test
    void aFinalOutcomeDoesNotChange() {
        AppointmentRow attended = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "15:30"), "RESCHEDULED");
        record(attended, "ATTENDED", UUID.randomUUID().toString()).statusCode(200).body("status", equalTo("ATTENDED"));

        for (String outcome : List.of("NO_SHOW", "ATTENDED")) {
            record(attended, outcome, UUID.randomUUID().toString()).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "appointment/final-state"));
        }
        given().get("/appointments/" + attended.id).then()
                .body("status", equalTo("ATTENDED")).body("sequence", equalTo(1));
        assertThat(audit(attended)).hasSize(1);
        assertThat(storedTasksOf(attended.caseId)).isZero();

        AppointmentRow cancelled = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "16:15"), "CANCELLED");
        record(cancelled, "NO_SHOW", UUID.randomUUID().toString()).statusCode(409)
                .body("type", equalTo(PROBLEMS + "appointment/final-state"));
        assertUnchanged(cancelled, "CANCELLED");
    }

    @Test
    void aMissingOrUnknownOutcomeNamesTheField() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "12:15"), "CONFIRMED");

        for (String body : List.of("{\"outcome\":\"MAYBE\"}", "{}", "{\"outcome\":null}")) {
            given().contentType(ContentType.JSON).body(body).post("/appointments/" + stored.id + "/attendance")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("outcome"));
        }
        given().contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .post("/appointments/" + stored.id + "/attendance")
                .then().body("errors[0].reason", equalTo("unknown value 'MAYBE'; allowed: ATTENDED, NO_SHOW"));

        assertUnchanged(stored, "CONFIRMED");
    }

    @Test
    void anotherSitesAppointmentIsNotFound() {
        AppointmentRow south = store("site-south", "st_R6T1M8C3", at(pastWednesday(), "10:00"), "CONFIRMED");

        record(south, "NO_SHOW", UUID.randomUUID().toString()).statusCode(404)
                .contentType("application/problem+json");
        record(UUID.randomUUID(), "NO_SHOW").statusCode(404).contentType("application/problem+json");

        assertThat(stateOf(south)).isEqualTo("CONFIRMED 0");
        assertThat(audit(south)).isEmpty();
    }

    @Test
    @TestSecurity(user = "therapist.north", roles = "therapist")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void aTherapistOfTheSiteRecordsANoShowAndSeesTheTask() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "13:00"), "CONFIRMED");

        record(stored, "NO_SHOW", UUID.randomUUID().toString()).statusCode(200).body("status", equalTo("NO_SHOW"));

        assertThat(tasksOf(stored.caseId)).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("kind", "CALL_PATIENT"));
        assertThat(audit(stored)).singleElement().asString()
                .startsWith("therapist.north appointment.no-show state=NO_SHOW sequence=1 source=FRONT_DESK");
    }

    @Test
    @TestSecurity(user = "ops.north", roles = "ops")
    @OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
    void opsMayReadButNotRecord() {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "09:45"), "CONFIRMED");

        record(stored, "NO_SHOW", UUID.randomUUID().toString()).statusCode(403)
                .contentType("application/problem+json");

        given().get("/appointments/" + stored.id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertThat(audit(stored)).isEmpty();
    }

    @Test
    void twoPeopleRecordingAtOnceOnlyOneSucceeds() throws Exception {
        AppointmentRow stored = store("site-north", NORTH_THERAPIST, at(pastWednesday(), "17:15"), "CONFIRMED");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> racing = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return given().contentType(ContentType.JSON)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .body("{\"outcome\":\"NO_SHOW\"}")
                                .post("/appointments/" + stored.id + "/attendance").andReturn();
                    }, threads))
                    .toList();
            start.countDown();

            List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(Response::statusCode).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            threads.shutdownNow();
        }
        assertThat(storedTasksOf(stored.caseId)).isEqualTo(1);
        assertThat(audit(stored)).hasSize(1);
        assertThat(stateOf(stored)).isEqualTo("NO_SHOW 1");
    }

    private static ValidatableResponse record(AppointmentRow appointment, String outcome, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"outcome\":\"" + outcome + "\"}")
                .post("/appointments/" + appointment.id + "/attendance").then();
    }

    private static ValidatableResponse record(UUID id, String outcome) {
        return given().contentType(ContentType.JSON).body("{\"outcome\":\"" + outcome + "\"}")
                .post("/appointments/" + id + "/attendance").then();
    }

    /** The refusal left nothing behind: same state and version, no audit entry, task, event or webhook. */
    private void assertUnchanged(AppointmentRow stored, String state) {
        assertThat(stateOf(stored)).isEqualTo(state + " 0");
        assertThat(audit(stored)).isEmpty();
        assertThat(storedTasksOf(stored.caseId)).isZero();
        assertThat(outboxOf(stored) + webhooksOf(stored)).isZero();
    }

    /** The case's tasks in the open-tasks list of site-north, read with the test's (desk or therapist) role. */
    private static List<Map<String, Object>> tasksOf(UUID caseId) {
        return given().queryParam("siteId", "site-north").get("/tasks").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.caseId == '" + caseId + "' }");
    }

    /** The case's tasks in the database, whatever their status; for roles that may not list tasks. */
    private long storedTasksOf(UUID caseId) {
        return one("SELECT count(*) FROM followup_task WHERE case_id = $1", caseId);
    }

    /** The stored state and sequence, e.g. "CONFIRMED 0". */
    private String stateOf(AppointmentRow stored) {
        var row = pool.preparedQuery("SELECT state, sequence FROM appointment WHERE id = $1").execute(Tuple.of(stored.id))
                .await().indefinitely().iterator().next();
        return row.getString("state") + " " + row.getInteger("sequence");
    }

    private List<String> audit(AppointmentRow stored) {
        return pool.preparedQuery("SELECT actor, action, detail FROM audit_entry WHERE subject_id = $1 ORDER BY id")
                .execute(Tuple.of(stored.id.toString())).await().indefinitely().stream()
                .map(row -> row.getString(0) + " " + row.getString(1) + " " + row.getString(2)).toList();
    }

    private long outboxOf(AppointmentRow stored) {
        return one("SELECT count(*) FROM outbox WHERE message_key = $1", stored.caseId.toString());
    }

    private List<String> outboxTypesOf(AppointmentRow stored) {
        List<String> types = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT event_type FROM outbox WHERE message_key = $1")
                .execute(Tuple.of(stored.caseId.toString())).await().indefinitely()
                .forEach(row -> types.add(row.getString(0)));
        return types;
    }

    private long webhooksOf(AppointmentRow stored) {
        return one("SELECT count(*) FROM webhook_delivery WHERE appointment_id = $1", stored.id);
    }

    private long openTasksAtNorth() {
        return one("SELECT count(*) FROM followup_task WHERE site_id = $1 AND status = 'OPEN'", "site-north");
    }

    private long one(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }
}
