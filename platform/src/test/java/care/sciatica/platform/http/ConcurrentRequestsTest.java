package care.sciatica.platform.http;

import care.sciatica.platform.idempotency.IdempotentRequests;
import care.sciatica.platform.testapp.ChassisTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Many clients sending the same keyed write at the same moment: one write, one result, no 5xx. */
@QuarkusTest
@ChassisTestResources
@TestSecurity(user = "frontdesk.north", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class ConcurrentRequestsTest {

    private static final int CLIENTS = 20;

    @Inject
    Pool pool;

    @Test
    void theSameIdempotencyKeyAtTheSameMomentWritesOnceAndEveryoneGetsTheFirstResult() throws Exception {
        String key = UUID.randomUUID().toString();
        String label = "race-" + key.substring(0, 8);
        String body = "{\"siteId\":\"site-north\",\"label\":\"" + label + "\",\"kind\":\"BOX\",\"sequence\":3}";
        long events = count("SELECT count(*) FROM outbox", Tuple.tuple());

        List<Response> answers = all(() -> given().contentType("application/json")
                .header(IdempotentRequests.HEADER, key).body(body).post("/parcels"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode())
                .as(answer.asString()).isIn(200, 409));
        List<String> ids = answers.stream().filter(answer -> answer.statusCode() == 200)
                .map(answer -> answer.<String>path("id")).distinct().toList();
        assertThat(ids).hasSize(1);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotNull();
        });
        assertThat(count("SELECT count(*) FROM parcel WHERE label = $1", Tuple.of(label))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox", Tuple.tuple())).isEqualTo(events + 1);
    }

    private static List<Response> all(java.util.concurrent.Callable<Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                pending.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
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

    private long count(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).executeAndAwait(parameters).iterator().next().getLong(0);
    }
}
