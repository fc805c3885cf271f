package care.sciatica.session.api;

import care.sciatica.session.SessionTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static care.sciatica.session.api.SessionApi.lumbarPlan;
import static care.sciatica.session.api.SessionApi.open;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Twenty therapists' devices sending at the same moment: never a 5xx, and the session holds what the answers say. */
@QuarkusTest
@SessionTestResources
@TestSecurity(user = "therapist.north", roles = "therapist")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ConcurrentCommandsTest {

    private static final int CLIENTS = 20;

    @Inject
    Pool pool;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(pool);
    }

    @Test
    void theSameStepWithTheSameKeyAtTheSameMomentIsRecordedOnce() throws Exception {
        String sessionId = open(api.planReady(lumbarPlan()));
        String key = UUID.randomUUID().toString();

        List<Response> answers = all(i -> given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("nrs", 6)).post("/sessions/" + sessionId + "/pain-before"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 409));
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(ConcurrentCommandsTest::isRetryable);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 200)).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.<Integer>path("painBefore")).isEqualTo(6));
        assertThat(audited(sessionId, "session.pain-before")).isEqualTo(1);
    }

    @Test
    void differentCommandsOnOneSessionAtTheSameMomentNeverFailAndTheWinnersAreStored() throws Exception {
        String sessionId = open(api.planReady(lumbarPlan()));
        long before = audited(sessionId, null);

        List<Response> answers = all(i -> given().contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(i % 2 == 0 ? Map.of("nrs", i % 11)
                        : Map.of("points", List.of("WHAT_WILL_HAPPEN"), "questionsAnswered", true))
                .post("/sessions/" + sessionId + (i % 2 == 0 ? "/pain-before" : "/explanation")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.asString())
                .isLessThan(500));
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(ConcurrentCommandsTest::isProblem);
        long accepted = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        assertThat(accepted).isPositive();
        // Each accepted command left exactly one audit entry; each refused one left nothing.
        assertThat(audited(sessionId, null) - before).isEqualTo(accepted);
        given().get("/sessions/" + sessionId).then().statusCode(200).body("sessionId", equalTo(sessionId));
    }

    @Test
    void aDuplicateKeyInAOneFieldBodyIsMalformedNotAFailure() {
        String sessionId = open(api.planReady(lumbarPlan()));

        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"nrs\":6,\"nrs\":7}").post("/sessions/" + sessionId + "/pain-before")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sciatica.care/problems/malformed-json"));
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"nrs\":6.5}").post("/sessions/" + sessionId + "/pain-before")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("nrs"));
        given().urlEncodingEnabled(false).get("/sessions/a%00b")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(audited(sessionId, "session.pain-before")).isZero();
    }

    private static void isRetryable(Response answer) {
        isProblem(answer);
        assertThat(answer.header("Retry-After")).isNotNull();
    }

    private static void isProblem(Response answer) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.<String>path("type")).startsWith("https://sciatica.care/problems/");
    }

    private long audited(String sessionId, String action) {
        String sql = action == null
                ? "SELECT count(*) FROM audit_entry WHERE subject_id = $1"
                : "SELECT count(*) FROM audit_entry WHERE subject_id = $1 AND action = $2";
        Tuple parameters = action == null ? Tuple.of(sessionId) : Tuple.of(sessionId, action);
        return pool.preparedQuery(sql).execute(parameters).await().indefinitely().iterator().next().getLong(0);
    }

    private interface Client {
        Response send(int client) throws Exception;
    }

    private static List<Response> all(Client client) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int number = i;
                Callable<Response> call = () -> {
                    start.await();
                    return client.send(number);
                };
                pending.add(clients.submit(call));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }
}
