package care.sciatica.followup.api;

import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.StoredAppointments;
import care.sciatica.followup.persistence.AppointmentRow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.store;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Two booking systems race for the same therapist's slot: the database lets exactly one of them have it. */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ConcurrentRescheduleTest {

    @Test
    void twoConcurrentRequestsForOneSlotExactlyOneWins() throws Exception {
        LocalDate day = StoredAppointments.freshWednesday();
        AppointmentRow first = store("site-north", NORTH_THERAPIST, at(day, "09:00"));
        AppointmentRow second = store("site-north", NORTH_THERAPIST, at(day, "09:45"));
        Instant contested = at(day, "14:45");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> racing = List.of(first, second).stream()
                    .map(row -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return given().contentType(ContentType.JSON)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .body("{\"start\":\"" + contested + "\"}")
                                .post("/appointments/" + row.id + "/reschedule")
                                .andReturn();
                    }, pool))
                    .toList();
            start.countDown();
            List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(Response::statusCode).sorted().toList();

            assertThat(statuses).containsExactly(200, 409);
            Response loser = racing.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 409)
                    .findFirst().orElseThrow();
            assertThat(loser.jsonPath().getString("type")).endsWith("/appointment/slot-taken");
            assertThat(StoredAppointments.liveAppointmentsOf(NORTH_THERAPIST, contested)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
