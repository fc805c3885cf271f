package care.sciatica.assessment.usecase;

import care.sciatica.assessment.domain.rules.RuleSet;
import care.sciatica.assessment.domain.rules.RuleSetLoader;
import care.sciatica.platform.seeds.SeedFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Loads the versioned rule set once at start-up, from the packaged seeds or from a file named in configuration. */
@ApplicationScoped
public class RuleSetProducer {

    private static final Logger LOG = Logger.getLogger(RuleSetProducer.class);

    @Produces
    @Singleton
    RuleSet ruleSet(@ConfigProperty(name = "sciatica.assessment.rules") String location) {
        RuleSet rules = SeedFiles.read(location, RuleSetLoader::load);
        LOG.infof("Assessment rule set %s loaded from %s", rules.version(), location);
        return rules;
    }
}
