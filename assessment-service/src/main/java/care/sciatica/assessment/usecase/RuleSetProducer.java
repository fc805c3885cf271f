package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.domain.rules.RuleSetLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the versioned rule set once at start-up, from the packaged seeds or from a file named in configuration. */
@ApplicationScoped
public class RuleSetProducer {

    private static final Logger LOG = Logger.getLogger(RuleSetProducer.class);
    private static final String CLASSPATH = "classpath:";

    @Produces
    @Singleton
    RuleSet ruleSet(@ConfigProperty(name = "sciatica.assessment.rules") String location) {
        try (Reader reader = open(location)) {
            RuleSet rules = RuleSetLoader.load(reader);
            LOG.infof("Assessment rule set %s loaded from %s", rules.version(), location);
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule set at " + location, e);
        }
    }

    private static Reader open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            InputStream in = RuleSetProducer.class.getClassLoader()
                    .getResourceAsStream(location.substring(CLASSPATH.length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(location), StandardCharsets.UTF_8);
    }
}
