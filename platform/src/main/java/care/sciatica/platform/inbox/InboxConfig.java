package care.sciatica.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Bounded retries before an event is dead-lettered. */
@ConfigMapping(prefix = "sciatica.inbox")
public interface InboxConfig {

    @WithDefault("3")
    int retries();

    @WithDefault("200ms")
    Duration retryBackoff();
}
