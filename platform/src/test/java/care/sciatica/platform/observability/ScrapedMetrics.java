package care.sciatica.platform.observability;

import static io.restassured.RestAssured.given;

/** Scrapes this test application's {@code /q/metrics}. */
final class ScrapedMetrics {

    private ScrapedMetrics() {
    }

    static care.sciatica.local.ScrapedMetrics read() {
        return new care.sciatica.local.ScrapedMetrics(given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200).extract().asString());
    }
}
