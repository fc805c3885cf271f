package care.sciatica.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Bounded retries before an event is dead-lettered; patience while the database is away. */
@ConfigMapping(prefix = "sciatica.inbox")
public interface InboxConfig {

    @WithDefault("3")
    int retries();

    @WithDefault("200ms")
    Duration retryBackoff();

    /** The longest pause between attempts while the database is unreachable (the back-off doubles up to it). */
    @WithDefault("5s")
    Duration outageBackoff();

    /** Where the connector routes given-up events (the {@code topic} of the dead-letter counter). */
    Optional<String> deadLetterTopic();
}
