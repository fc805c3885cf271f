package care.sciatica.intake.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Visits open one after another, at most one at a time, and only the open one is reviewed. */
class EpisodeTest {

    private static final UUID FIRST = UUID.fromString("5b0d3f0e-8f6a-4c52-9d0e-2a7f6c1e4b93");
    private static final UUID SECOND = UUID.fromString("7c1e4b93-2a7f-4c52-9d0e-5b0d3f0e8f6a");

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void aVisitOpensOnlyAfterTheLastOneWasReviewed(String description, List<Episode.Visit> visits, int number,
                                                   UUID appointment, Class<?> expected, String says) {
        Episode.Start start = new Episode(visits).start(number, appointment);

        assertThat(start).isInstanceOf(expected);
        if (start instanceof Episode.OutOfOrder outOfOrder) {
            assertThat(outOfOrder.reason()).contains(says);
        }
    }

    static Stream<Arguments> starts() {
        List<Episode.Visit> secondOpen = List.of(new Episode.Visit(2, FIRST, false));
        List<Episode.Visit> secondReviewed = List.of(new Episode.Visit(2, FIRST, true));
        return Stream.of(
                Arguments.of("the first follow-up visit", List.of(), 2, FIRST, Episode.Opens.class, null),
                Arguments.of("visit 3 with no visit 2", List.of(), 3, FIRST, Episode.OutOfOrder.class,
                        "the next is 2"),
                Arguments.of("the same visit reported again", secondOpen, 2, FIRST, Episode.AlreadyKnown.class,
                        null),
                Arguments.of("the same visit from another appointment", secondOpen, 2, SECOND,
                        Episode.OutOfOrder.class, "already started from appointment " + FIRST),
                Arguments.of("the next visit while one is open", secondOpen, 3, SECOND, Episode.OutOfOrder.class,
                        "visit 2 is still open"),
                Arguments.of("the next visit after a review", secondReviewed, 3, SECOND, Episode.Opens.class, null),
                Arguments.of("a visit skipped", secondReviewed, 4, SECOND, Episode.OutOfOrder.class,
                        "the next is 3"),
                Arguments.of("a visit long past", List.of(new Episode.Visit(2, FIRST, true),
                        new Episode.Visit(3, SECOND, true)), 2, SECOND, Episode.OutOfOrder.class,
                        "already started"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviews")
    void onlyTheOpenVisitIsReviewed(String description, List<Episode.Visit> visits, int number, String refusal,
                                    String says) {
        var answer = new Episode(visits).refusalToReview(number);

        if (refusal == null) {
            assertThat(answer).isEmpty();
        } else {
            assertThat(answer).hasValueSatisfying(found -> {
                assertThat(found.type()).isEqualTo(refusal);
                assertThat(found.detail()).contains(says);
            });
        }
    }

    static Stream<Arguments> reviews() {
        List<Episode.Visit> thirdOpen = List.of(new Episode.Visit(2, FIRST, true), new Episode.Visit(3, SECOND, false));
        return Stream.of(
                Arguments.of("the open visit", thirdOpen, 3, null, null),
                Arguments.of("no visit at all", List.of(), 2, "visit-not-open", "the case has no open visit"),
                Arguments.of("a visit not yet started", thirdOpen, 4, "visit-not-open", "visit 3 is the open visit"),
                Arguments.of("a visit reviewed already", thirdOpen, 2, "visit-already-reviewed",
                        "Visit 2 has already been reviewed"),
                Arguments.of("every visit reviewed", List.of(new Episode.Visit(2, FIRST, true)), 3, "visit-not-open",
                        "no open visit"));
    }
}
