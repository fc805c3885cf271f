package care.sciatica.followup.webhook;

import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.domain.webhook.SignatureCheck;
import care.sciatica.followup.domain.webhook.WebhookSecret;
import care.sciatica.followup.domain.webhook.WebhookSigner;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.persistence.WebhookSubscriptionRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Webhooks to a real receiver on loopback: signed, retried after failures, replayable, and disabled on 410. */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class WebhookDeliveryTest {

    @Test
    void aSignedDeliveryIsRetriedAfterTwoFailuresThenSucceedsAndCanBeReplayed() throws Throwable {
        try (LoopbackReceiver receiver = new LoopbackReceiver(call -> call <= 2 ? 500 : 200)) {
            JsonPath created = subscribe(receiver.url());
            String subscriptionId = created.getString("subscription.id");
            WebhookSecret secret = WebhookSecret.parse(created.getString("secret"));
            AppointmentRow appointment = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "12:15"));

            given().post("/appointments/" + appointment.id + "/confirmation").then().statusCode(200);

            JsonPath delivery = awaitDelivery(subscriptionId, "DELIVERED", 3);
            assertThat(delivery.getList("log.statusCode", Integer.class)).containsExactly(500, 500, 200);
            assertThat(delivery.getList("log.outcome", String.class)).containsExactly("FAILED", "FAILED", "DELIVERED");
            List<LoopbackReceiver.Received> received = receiver.received();
            assertThat(received).hasSize(3).allSatisfy(request -> {
                assertThat(request.id()).isEqualTo(delivery.getString("webhookId"));
                assertThat(WebhookSigner.verify(request.id(), request.timestamp(), request.signature(), request.body(),
                        secret, Instant.now())).isEqualTo(SignatureCheck.VALID);
                assertThat(request.signature()).isEqualTo("v1," + independentHmac(created.getString("secret"), request));
                request.verifyWith(created.getString("secret"));
            });
            // The secret is stored encrypted, never as given to the subscriber.
            String stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> WebhookSubscriptionRow
                    .<WebhookSubscriptionRow>findById(java.util.UUID.fromString(subscriptionId)))).secret;
            assertThat(stored).startsWith("aes-gcm:v1:").doesNotContain(created.getString("secret").substring(6));
            JsonPath body = JsonPath.from(new String(received.getFirst().body(), StandardCharsets.UTF_8));
            assertThat(body.getString("type")).isEqualTo("appointment.confirmed");
            assertThat(body.getString("data.appointmentId")).isEqualTo(appointment.id.toString());
            assertThat(body.getString("data.status")).isEqualTo("CONFIRMED");
            assertThat(body.getMap("data")).doesNotContainKey("patientRef");

            given().post("/webhooks/deliveries/" + delivery.getString("id") + "/replay").then().statusCode(202);
            JsonPath replayed = awaitDelivery(subscriptionId, "DELIVERED", 4);
            assertThat(replayed.getString("webhookId")).isEqualTo(delivery.getString("webhookId"));
            assertThat(receiver.received()).hasSize(4).last()
                    .satisfies(request -> assertThat(request.id()).isEqualTo(delivery.getString("webhookId")));

            given().delete("/webhooks/subscriptions/" + subscriptionId).then().statusCode(204);
        }
    }

    @Test
    void aReceiverAnswering410DisablesTheSubscription() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(call -> 410)) {
            String subscriptionId = subscribe(receiver.url()).getString("subscription.id");
            AppointmentRow appointment = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "16:15"));

            given().post("/appointments/" + appointment.id + "/confirmation").then().statusCode(200);

            JsonPath delivery = awaitDelivery(subscriptionId, "GONE", 1);
            assertThat(delivery.getList("log.statusCode", Integer.class)).containsExactly(410);
            given().get("/webhooks/subscriptions/" + subscriptionId).then().statusCode(200)
                    .body("enabled", equalTo(false))
                    .body("disabledReason", equalTo("the receiver answered 410 Gone"));
            given().post("/webhooks/deliveries/" + delivery.getString("id") + "/replay").then().statusCode(409);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    /** A 410 ends the subscription at once: the deliveries queued behind it end too, none is ever sent. */
    @Test
    void after410NothingMoreIsSentToTheReceiver() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(call -> 410)) {
            String subscriptionId = subscribe(receiver.url()).getString("subscription.id");
            LocalDate day = freshWednesday();
            AppointmentRow first = store("site-north", NORTH_THERAPIST, at(day, "09:00"));
            AppointmentRow second = store("site-north", NORTH_THERAPIST, at(day, "09:45"));
            AppointmentRow third = store("site-north", NORTH_THERAPIST, at(day, "10:30"));

            for (AppointmentRow row : List.of(first, second, third)) {
                given().post("/appointments/" + row.id + "/confirmation").then().statusCode(200);
            }

            // Every delivery staged before the subscription was disabled has ended; none is left pending.
            List<String> statuses = await().atMost(Duration.ofSeconds(20)).until(() -> given()
                    .get("/webhooks/subscriptions/" + subscriptionId + "/deliveries").then().statusCode(200)
                    .extract().jsonPath().getList("status", String.class), list -> !list.isEmpty() && !list.contains("PENDING"));
            assertThat(statuses).containsOnly("GONE");
            assertThat(receiver.received()).hasSize(1);
            given().get("/webhooks/subscriptions/" + subscriptionId).then().body("enabled", equalTo(false));
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.answering(call -> call == 1
                ? new LoopbackReceiver.Answer(503, "2") : new LoopbackReceiver.Answer(200, null))) {
            String subscriptionId = subscribe(receiver.url()).getString("subscription.id");
            AppointmentRow appointment = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "13:00"));

            given().post("/appointments/" + appointment.id + "/confirmation").then().statusCode(200);

            JsonPath delivery = awaitDelivery(subscriptionId, "DELIVERED", 2);
            assertThat(delivery.getList("log.statusCode", Integer.class)).containsExactly(503, 200);
            List<LoopbackReceiver.Received> received = receiver.received();
            // The test schedule retries after 50-200 ms; the receiver asked for 2 s, and got them.
            assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
        }
    }

    @Test
    void duringARotationAReceiverHoldingEitherSecretVerifies() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(call -> 200)) {
            JsonPath created = subscribe(receiver.url());
            String subscriptionId = created.getString("subscription.id");
            String oldSecret = created.getString("secret");
            JsonPath rotated = given().contentType(ContentType.JSON).body("{\"overlapMinutes\":60}")
                    .post("/webhooks/subscriptions/" + subscriptionId + "/secret-rotation")
                    .then().statusCode(200).body("secret", startsWith("whsec_")).extract().jsonPath();
            String newSecret = rotated.getString("secret");
            assertThat(newSecret).isNotEqualTo(oldSecret);
            AppointmentRow appointment = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "11:15"));

            given().post("/appointments/" + appointment.id + "/confirmation").then().statusCode(200);

            awaitDelivery(subscriptionId, "DELIVERED", 1);
            LoopbackReceiver.Received request = receiver.received().getFirst();
            assertThat(request.signature().split(" ")).hasSize(2);
            request.verifyWith(newSecret);
            request.verifyWith(oldSecret);
            assertThatThrownBy(() -> request.verifyWith(WebhookSecret.generate().encoded()))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void onlyHttpUrlsAndKnownEventTypesAreAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"siteId\":\"site-north\",\"url\":\"file:///etc/passwd\",\"eventTypes\":[\"appointment.confirmed\"]}")
                .post("/webhooks/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().contentType(ContentType.JSON)
                .body("{\"siteId\":\"site-north\",\"url\":\"https://example.org/h\",\"eventTypes\":[\"case.opened\"]}")
                .post("/webhooks/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        given().contentType(ContentType.JSON)
                .body("{\"siteId\":\"site-south\",\"url\":\"https://example.org/h\",\"eventTypes\":[\"appointment.confirmed\"]}")
                .post("/webhooks/subscriptions")
                .then().statusCode(403);
    }

    private static JsonPath subscribe(String url) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body("{\"siteId\":\"site-north\",\"url\":\"" + url + "\",\"eventTypes\":[\"appointment.confirmed\"]}")
                .post("/webhooks/subscriptions")
                .then().statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("subscription.enabled", equalTo(true))
                .extract().jsonPath();
    }

    private static JsonPath awaitDelivery(String subscriptionId, String status, int attempts) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath deliveries = given().get("/webhooks/subscriptions/" + subscriptionId + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            if (deliveries.getList("$").size() != 1 || !status.equals(deliveries.getString("[0].status"))
                    || deliveries.getInt("[0].log.size()") != attempts) {
                return null;
            }
            return JsonPath.from(deliveries.prettify()).setRootPath("[0]");
        }, java.util.Objects::nonNull);
    }

    /** The signature computed with javax.crypto alone, as a receiver without our library would. */
    private static String independentHmac(String encodedSecret, LoopbackReceiver.Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedSecret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((request.id() + "." + request.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(request.body()));
    }
}
