package care.sciatica.followup.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    @Test
    void aGeneratedSecretHas32RandomBytesBehindTheWhsecPrefix() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.encoded()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.encoded().substring(6))).hasSize(32);
        assertThat(WebhookSecret.parse(secret.encoded())).isEqualTo(secret);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void neverShowsTheKeyInToString() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.toString()).doesNotContain(secret.encoded().substring(6)).contains("***");
    }

    /** No prefix, empty, not base64, 23 bytes, 65 bytes. */
    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {
            "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "whsec_",
            "whsec_not base64!",
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    })
    void refusesASecretWithoutThePrefixOrOfTheWrongSize(String encoded) {
        assertThatThrownBy(() -> WebhookSecret.parse(encoded)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheSmallestAllowedSecret() {
        String twentyFourBytes = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);

        assertThat(WebhookSecret.parse(twentyFourBytes).encoded()).isEqualTo(twentyFourBytes);
    }
}
