package care.sciatica.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudNativePG resources (postgresql.cnpg.io/v1) against the CRDs CloudNativePG publishes with each release. Those
 * are on neither Maven Central nor npm as schema files; npm's {@code @kubernetes-models/cloudnative-pg} carries them
 * compiled into JavaScript validators, generated from the release manifest {@code cnpg-<version>.yaml}. The build
 * installs the pinned package ({@code src/test/npm}, {@code npm ci}), and {@code validate-cnpg.mjs} runs it under
 * Node.js, adding the unknown-field check of the API server's strict field validation.
 */
final class CloudNativePg {

    static final String API_VERSION = "postgresql.cnpg.io/v1";
    private static final String PACKAGE = "@kubernetes-models/cloudnative-pg";
    private static final Pattern RELEASE_MANIFEST = Pattern.compile("/v([0-9.]+)/cnpg-\\1\\.yaml$");
    private static final Map<String, List<String>> CACHE = new HashMap<>();

    private CloudNativePg() {
    }

    /** The CloudNativePG release whose CRDs the installed validators were generated from, e.g. "1.29.0". */
    static String crdVersion() {
        JsonNode manifest = Repo.readJson(Repo.npmPackage(PACKAGE).resolve("package.json"));
        String input = manifest.path("crd-generate").path("input").path(0).asText();
        Matcher release = RELEASE_MANIFEST.matcher(input);
        if (!release.find()) {
            throw new IllegalStateException(PACKAGE + " is not generated from a CloudNativePG release manifest: " + input);
        }
        return release.group(1);
    }

    /** The problems the published CRD finds in the resource ("/spec/instances: must be integer"), empty when valid. */
    static synchronized List<String> validate(JsonNode resource) {
        return CACHE.computeIfAbsent(resource.toString(), CloudNativePg::runValidator);
    }

    private static List<String> runValidator(String resource) {
        Repo.npmPackage(PACKAGE);
        try {
            Process node = new ProcessBuilder("node", "validate-cnpg.mjs")
                    .directory(Repo.NPM.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(("[" + resource + "]").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                node.destroyForcibly();
                throw new AssertionError("validate-cnpg.mjs failed (Node.js 20 or later needed on the PATH): " + out);
            }
            List<String> problems = new ArrayList<>();
            Repo.JSON.readTree(out).path(0).forEach(problem -> problems.add(problem.asText()));
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run node (Node.js 20 or later needed on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
