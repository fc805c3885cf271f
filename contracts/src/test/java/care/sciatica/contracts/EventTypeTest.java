package care.sciatica.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue is consistent: type names, topics, producers, records and resources agree. */
class EventTypeTest {

    private static final Pattern TYPE = Pattern.compile("^care\\.sciatica\\.([a-z]+)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNameTopicServiceAndPackageAgree(EventType type) {
        Matcher matcher = TYPE.matcher(type.type());
        assertTrue(matcher.matches(), type.type());
        String service = matcher.group(1);
        assertEquals(service + ".events", type.topic());
        assertEquals(service + "-service", type.service());
        assertEquals("care.sciatica.contracts." + service, type.dataClass().getPackageName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void lookupsFindTheType(EventType type) {
        assertEquals(Optional.of(type), EventType.of(type.type()));
        assertEquals(Optional.of(type), EventType.ofDataClass(type.dataClass()));
        assertTrue(ContractResources.exists(type.schemaResource()), type.schemaResource());
        assertTrue(ContractResources.exists(type.exampleResource()), type.exampleResource());
    }

    @Test
    void unknownTypesAreEmpty() {
        assertEquals(Optional.empty(), EventType.of("care.sciatica.intake.history-recorded.v9"));
        assertEquals(Optional.empty(), EventType.of(null));
        assertEquals(Optional.empty(), EventType.ofDataClass(String.class));
    }

    @Test
    void everyRecordBelongsToOneType() {
        assertEquals(EventType.values().length, Arrays.stream(EventType.values()).map(EventType::dataClass).distinct().count());
    }

    @Test
    void sourceIsTheSiteAndService() {
        assertEquals("/sites/site-north/intake-service", CloudEventAttributes.source("site-north", EventType.Services.INTAKE));
        assertEquals("1.0", CloudEventAttributes.SPEC_VERSION);
        assertThrows(IllegalArgumentException.class, () -> CloudEventAttributes.source(" ", "intake-service"));
    }
}
