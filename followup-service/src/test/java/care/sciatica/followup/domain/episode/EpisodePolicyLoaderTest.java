package care.sciatica.followup.domain.episode;

import care.sciatica.followup.domain.Fixtures;
import care.sciatica.followup.domain.InvalidSeedData;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpisodePolicyLoaderTest {

    @Test
    void theSeedPolicyCarriesTheReferenceFiguresAndTheirSources() {
        EpisodePolicy policy = Fixtures.seedEpisodePolicy();

        assertThat(policy.version()).isEqualTo("2026.12-1");
        assertThat(policy.minimalImportantChange()).isEqualTo(new EpisodePolicy.MinimalImportantChange(2, 10, 5, 30,
                policy.minimalImportantChange().source()));
        assertThat(policy.minimalImportantChange().source()).contains("Ostelo 2008");
        assertThat(policy.discharge().painNrsAtOrBelow()).isEqualTo(1);
        assertThat(policy.discharge().rmdqAtOrBelow()).isEqualTo(2);
        assertThat(policy.discharge().source()).contains("Kamper 2010");
        assertThat(policy.stall().noMinimalImportantChangeByVisit()).isEqualTo(3);
        assertThat(policy.lapse().rebookWithinDays()).isEqualTo(14);
        assertThat(policy.visitCap("site-north")).isEqualTo(9);
        assertThat(policy.visitCap("site-south")).isEqualTo(6);
        assertThat(policy.visitCapSource()).contains("CG88");
    }

    @Test
    void everyProblemOfADocumentIsReportedAtOnce() {
        String document = """
                {"version": "", "minimalImportantChange": {"painNrsPoints": 0, "odiPoints": 10, "rmdqPoints": 5,
                  "percentOfBaseline": 30, "source": "x"},
                 "discharge": {"painNrsAtOrBelow": 11, "rmdqAtOrBelow": 2, "odiAtOrBelow": 10},
                 "stall": {"noMinimalImportantChangeByVisit": 3, "source": "x"},
                 "defaultVisitCap": 1, "visitCapSource": "x",
                 "sites": {"north": {"visitCap": 4, "source": "x"}}}
                """;

        assertThatThrownBy(() -> EpisodePolicyLoader.load(new StringReader(document)))
                .isInstanceOfSatisfying(InvalidSeedData.class, e -> assertThat(e.getMessage()).contains(
                        "version is missing",
                        "minimalImportantChange.painNrsPoints must be between 1 and 10, not 0",
                        "discharge.painNrsAtOrBelow must be between 0 and 10, not 11",
                        "discharge.source is missing",
                        "stall.worseThanBaselineAtAnyReview is missing",
                        "lapse is missing",
                        "defaultVisitCap must be between 2 and 52, not 1",
                        "sites.north is not a site id like site-north"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThatThrownBy(() -> EpisodePolicyLoader.load(new StringReader("{\"version\": \"1\", \"maxVisits\": 3}")))
                .isInstanceOf(InvalidSeedData.class)
                .hasMessageContaining("maxVisits");
    }
}
