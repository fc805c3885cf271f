package care.sciatica.followup.webhook;

import care.sciatica.followup.domain.webhook.WebhookSecret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final String KEY = "DQ9KHDPSkoyvzkmia/XdOny2dT5GyPV0S+Em1PVRqlI=";
    private static final String OTHER_KEY = "P8usrIdSGanTQY3ykavDt5qrL63+67XM3Rexk1MwyvU=";

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndNeverShowsTheSecret() {
        String secret = WebhookSecret.generate().encoded();
        SecretBox box = new SecretBox(KEY);

        String sealed = box.seal(secret);

        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain(secret.substring(6));
        assertThat(box.seal(secret)).as("a fresh nonce every time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretStoredBeforeEncryptionStillOpens() {
        String legacy = WebhookSecret.generate().encoded();
        assertThat(new SecretBox(KEY).open(legacy)).isEqualTo(legacy);
        assertThat(new SecretBox(KEY).open(null)).isNull();
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
