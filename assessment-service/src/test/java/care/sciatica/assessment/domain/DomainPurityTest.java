package care.sciatica.assessment.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain stays plain Java: no framework, no persistence, and Jackson only where the rules file is read. */
class DomainPurityTest {

    private static final Path DOMAIN = Path.of("src/main/java/care/sciatica/assessment/domain");

    @Test
    void theDomainImportsNoFramework() throws IOException {
        try (Stream<Path> files = Files.walk(DOMAIN)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(sources).isNotEmpty();
            for (Path source : sources) {
                List<String> imports = Files.readAllLines(source).stream().filter(l -> l.startsWith("import ")).toList();
                assertThat(imports).as(source.toString()).noneMatch(l -> l.matches(
                        "import (static )?(io\\.quarkus|jakarta|javax|org\\.hibernate|io\\.smallrye|org\\.eclipse)\\..*"));
                if (!source.getFileName().toString().equals("RuleSetLoader.java")) {
                    assertThat(imports).as(source.toString()).noneMatch(l -> l.contains("com.fasterxml.jackson"));
                }
            }
        }
    }
}
