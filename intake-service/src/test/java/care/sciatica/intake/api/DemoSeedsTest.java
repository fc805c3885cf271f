package care.sciatica.intake.api;

import care.sciatica.contracts.EventJson;
import care.sciatica.intake.IntakeTestResources;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static care.sciatica.intake.Calls.get;
import static care.sciatica.intake.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Every demo intake in seeds/demo is accepted as the run command sends it, and holds only made-up contact data. */
@QuarkusTest
@IntakeTestResources
@TestSecurity(user = "frontdesk.demo", roles = "front-desk")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\", \"site-south\"]", type = ClaimType.JSON_ARRAY))
class DemoSeedsTest {

    private static final Path SEEDS = Path.of("..", "seeds", "demo");

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(file -> file.getFileName().toString().matches("intake-.*\\.json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void isAcceptedAsRecorded(Path seed) throws IOException {
        JsonNode request = EventJson.mapper().readTree(seed.toFile());
        assertThat(request.at("/patient/email").asText()).endsWith("@example.org");
        assertThat(request.at("/patient/phone").asText()).matches("07700 900\\d{3}");

        String caseId = post("/intakes", request, "demo-seed-" + seed.getFileName()).statusCode(201)
                .extract().path("caseId");

        String stored = get("/cases/" + caseId).statusCode(200).extract().asString();
        assertThat(EventJson.mapper().readTree(stored).at("/historyVersions/0/history"))
                .isEqualTo(request.get("history"));
    }

    @Test
    void thereIsAHandfulCoveringBothSites() throws IOException {
        List<String> sites = new ArrayList<>();
        for (Path seed : seeds()) {
            sites.add(EventJson.mapper().readTree(seed.toFile()).get("siteId").asText());
        }
        assertThat(sites).hasSizeBetween(4, 8).contains("site-north", "site-south");
    }
}
