package care.sciatica.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.contracts.CloudEventAttributes;
import care.sciatica.contracts.EventExamples;
import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.PlanIssued;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every consumer reads events through {@link IncomingEvent}: tolerant of added properties, strict on the rest. */
class IncomingEventTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWithAnAddedOptionalPropertyIsReadAsBefore(EventType type) throws Exception {
        ObjectNode example = EventExamples.json(type);
        ObjectNode extended = example.deepCopy().put("addedLater", "sent by a newer producer");

        Record read = received(type, extended).dataAs(type.dataClass());

        assertThat(read).isEqualTo(EventJson.mapper().treeToValue(example, type.dataClass()));
    }

    @Test
    void anEventMissingARequiredPropertyIsPoison() {
        ObjectNode broken = EventExamples.json(EventType.PLAN_ISSUED);
        broken.remove("planVersion");

        assertThatThrownBy(() -> received(EventType.PLAN_ISSUED, broken).dataAs(PlanIssued.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("planVersion");
    }

    @Test
    void anEventWithAWrongTypeIsPoison() {
        ObjectNode broken = EventExamples.json(EventType.PLAN_ISSUED).put("planVersion", "two");

        assertThatThrownBy(() -> received(EventType.PLAN_ISSUED, broken).dataAs(PlanIssued.class))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("planVersion");
    }

    private static IncomingEvent received(EventType type, ObjectNode data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, 7L,
                data.path("caseId").asText(), data.toString());
        header(record, CloudEventAttributes.ID, UUID.randomUUID().toString());
        header(record, CloudEventAttributes.TYPE, type.type());
        header(record, CloudEventAttributes.SOURCE, "/sites/site-north/" + type.service());
        header(record, CloudEventAttributes.SUBJECT, data.path("caseId").asText());
        return IncomingEvent.from(record);
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
