package care.sciatica.intake;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.local.TopicReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static care.sciatica.intake.Calls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Follow-up's visit-started events, sent to the real topic as follow-up's outbox relay sends them. */
public final class Visits {

    private Visits() {
    }

    /** Publishes visit {@code visit} of a site-north case and waits until the case shows it open; the appointment. */
    public static String start(TopicReader kafka, String caseId, int visit) {
        String appointmentId = UUID.randomUUID().toString();
        kafka.send(TopicReader.cloudEvent(EventType.VISIT_STARTED, caseId, "site-north", UUID.randomUUID().toString(),
                started(caseId, visit, appointmentId).toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/cases/" + caseId).statusCode(200)
                .body("visits.find { it.visit == " + visit + " }.appointmentId", equalTo(appointmentId)));
        return appointmentId;
    }

    /** The catalogue's visit-started example for this site-north case, visit and appointment, checked by its schema. */
    public static ObjectNode started(String caseId, int visit, String appointmentId) {
        ObjectNode data;
        try (InputStream in = Visits.class.getClassLoader()
                .getResourceAsStream(EventType.VISIT_STARTED.exampleResource())) {
            data = (ObjectNode) EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data.put("caseId", caseId);
        data.put("siteId", "site-north");
        data.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("appointmentId", appointmentId);
        data.put("visit", visit);
        assertThat(EventSchemas.violations(EventType.VISIT_STARTED, data)).isEmpty();
        return data;
    }
}
