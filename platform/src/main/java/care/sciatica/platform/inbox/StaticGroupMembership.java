package care.sciatica.platform.inbox;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Makes every consumer of an instance with a stable name (environment {@code SCIATICA_INSTANCE_ID}: a replica's
 * ordinal or pod name) a static member of its group, {@code <instance>-<channel>}. A restarted instance then gets its
 * partitions back at once, without waiting for the dead member's session to time out and a rebalance. Without a
 * stable name (tests, a laptop) membership stays dynamic: a static id that changes at every start would only leave a
 * ghost member behind for a session timeout.
 */
@ApplicationScoped
public class StaticGroupMembership implements ClientCustomizer<Map<String, Object>> {

    private final Optional<String> instanceId;

    StaticGroupMembership(@ConfigProperty(name = "sciatica.instance-id") Optional<String> instanceId) {
        this.instanceId = instanceId.map(String::strip).filter(id -> !id.isEmpty());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        boolean consumer = config.containsKey(ConsumerConfig.GROUP_ID_CONFIG);
        if (consumer && instanceId.isPresent() && !config.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId.get() + "-" + channel);
        }
        return config;
    }
}
