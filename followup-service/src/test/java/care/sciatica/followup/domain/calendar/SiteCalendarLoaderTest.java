package care.sciatica.followup.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.sciatica.followup.domain.Fixtures;
import care.sciatica.followup.domain.InvalidSeedData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SiteCalendarLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSeedSitesLoadWithTheirHoursClosuresAndTherapists() {
        Map<String, SiteCalendar> sites = Fixtures.seedSites();

        assertThat(sites).containsOnlyKeys("site-north", "site-south");
        SiteCalendar north = sites.get("site-north");
        assertThat(north.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(north.slotLength()).isEqualTo(Duration.ofMinutes(45));
        assertThat(north.periodsOn(DayOfWeek.MONDAY)).containsExactly(
                new OpeningPeriod(LocalTime.of(9, 0), LocalTime.of(13, 0)), new OpeningPeriod(LocalTime.of(14, 0), LocalTime.of(18, 0)));
        assertThat(north.periodsOn(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(north.isClosedOn(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(north.therapist(Fixtures.THERAPIST_REF)).isPresent();
        assertThat(sites.values()).allSatisfy(site -> assertThat(site.therapists()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(therapist -> assertThat(therapist.ref()).matches("st_[A-Z0-9]{8}")));
    }

    static Stream<Arguments> brokenSites() {
        return Stream.of(
                broken("no sites at all", sites -> sites.removeAll(), "sites is empty"),
                broken("a site id that is not one", site(s -> s.put("siteId", "north")), "site id looks like site-north"),
                broken("a site without therapists", site(s -> s.putArray("therapists")), "site site-x has no therapists"),
                broken("a slot of no length", site(s -> s.put("slotLength", "PT0S")), "slot lasts whole minutes"),
                broken("a site without a time zone", site(s -> s.remove("zone")), "needs a time zone"),
                broken("an unknown time zone", site(s -> s.put("zone", "Mars/Olympus")), "Mars/Olympus"),
                broken("a therapist by name", site(s -> therapist(s).put("ref", "Jane Doe")), "st_XXXXXXXX"),
                broken("a therapist without working days", site(s -> therapist(s).putArray("workingDays")), "at least one working day"),
                broken("the same therapist twice", site(s -> ((ArrayNode) s.get("therapists")).add(therapist(s).deepCopy())),
                        "listed twice"),
                broken("a period that closes before it opens", site(s -> monday(s).addObject().put("opens", "19:00").put("closes", "18:30")),
                        "must open (19:00) before it closes (18:30)"),
                broken("overlapping periods", site(s -> monday(s).addObject().put("opens", "12:00").put("closes", "15:00")),
                        "Opening periods overlap on MONDAY"),
                broken("a field the loader does not know", site(s -> s.put("name", "North clinic")), "Unrecognized field \"name\""));
    }

    @ParameterizedTest(name = "refused: {0}")
    @MethodSource("brokenSites")
    void aBrokenSitesDocumentIsRefused(String what, String document, String problem) {
        assertThatThrownBy(() -> SiteCalendarLoader.load(new StringReader(document)))
                .isInstanceOfSatisfying(InvalidSeedData.class, refused -> assertThat(String.join("; ", refused.problems()))
                        .contains(problem));
    }

    @Test
    void aSiteListedTwiceIsRefused() {
        assertThatThrownBy(() -> SiteCalendarLoader.load(new StringReader("{\"sites\": [" + VALID_SITE + "," + VALID_SITE + "]}")))
                .isInstanceOf(InvalidSeedData.class)
                .hasMessageContaining("site site-x is listed twice");
    }

    /** One valid site, site-x, open on Monday 09:00-13:00 with one therapist; each case breaks one thing. */
    private static final String VALID_SITE = """
            {"siteId": "site-x", "zone": "Europe/London", "slotLength": "PT30M",
             "openingHours": {"MONDAY": [{"opens": "09:00", "closes": "13:00"}]},
             "therapists": [{"ref": "st_AAAAAAA1", "workingDays": ["MONDAY"]}]}""";

    private static Consumer<ArrayNode> site(Consumer<ObjectNode> change) {
        return sites -> change.accept((ObjectNode) sites.get(0));
    }

    private static ObjectNode therapist(ObjectNode site) {
        return (ObjectNode) site.get("therapists").get(0);
    }

    private static ArrayNode monday(ObjectNode site) {
        return (ArrayNode) site.get("openingHours").get("MONDAY");
    }

    private static Arguments broken(String what, Consumer<ArrayNode> change, String problem) {
        try {
            ObjectNode document = JSON.createObjectNode();
            ArrayNode sites = document.putArray("sites");
            sites.add(JSON.readTree(VALID_SITE));
            change.accept(sites);
            return Arguments.of(what, JSON.writeValueAsString(document), problem);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
