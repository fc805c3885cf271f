package care.sciatica.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay runs. */
@ConfigMapping(prefix = "sciatica.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all. */
    @WithDefault("true")
    boolean enabled();

    /** The safety-net poll; the post-commit notification normally wakes the relay first. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Rows published per pass. */
    @WithDefault("256")
    int batchSize();
}
