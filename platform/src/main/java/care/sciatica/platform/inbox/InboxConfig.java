package care.sciatica.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Bounded retries before an event is dead-lettered. */
@ConfigMapping(prefix = "sciatica.inbox")
public interface InboxConfig {

    @WithDefault("3")
    int retries();

    @WithDefault("200ms")
    Duration retryBackoff();

    /** Where the connector routes given-up events (the {@code topic} of the dead-letter counter). */
    Optional<String> deadLetterTopic();
}
