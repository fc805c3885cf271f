package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each CloudNativePG resource of the base and of the rendered overlays, one test apiece, against the CRDs of the
 * CloudNativePG release the installed validators were generated from (see {@link CloudNativePg}).
 */
class CloudNativePgResourcesTest {

    /** Change together with the package version in src/test/npm and the note in pom.xml. */
    private static final String CNPG_RELEASE = "1.29.0";

    static Stream<Arguments> cloudNativePgResources() {
        String release = CloudNativePg.crdVersion();
        return Stream.of("base", "overlays/dev", "overlays/prod")
                .flatMap(tree -> Kustomize.render(Repo.path("deploy/k8s/" + tree)).resources.stream()
                        .filter(resource -> resource.apiVersion().equals(CloudNativePg.API_VERSION))
                        .map(resource -> Arguments.of(
                                "%s: %s (%s) against the CloudNativePG %s CRD".formatted(
                                        tree, resource.id(), resource.source(), release),
                                resource.body())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cloudNativePgResources")
    void matchesThePublishedCrd(String resource, JsonNode body) {
        assertEquals(List.of(), CloudNativePg.validate(body), resource);
    }

    @Test
    void theValidatorsAreGeneratedFromTheRecordedCloudNativePgRelease() {
        assertEquals(CNPG_RELEASE, CloudNativePg.crdVersion(),
                "@kubernetes-models/cloudnative-pg now comes from another CloudNativePG release: update the notes");
    }
}
