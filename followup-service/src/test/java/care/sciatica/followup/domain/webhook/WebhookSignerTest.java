package care.sciatica.followup.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignerTest {

    /** The test vector published with the Standard Webhooks specification and its reference libraries. */
    private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    private static final String ID = "6b7f0c57-6e1f-4f4e-a7a4-1b2a3c4d5e6f";
    private static final Instant SENT = Instant.parse("2026-03-02T11:00:07Z");
    private static final byte[] BODY = "{\"type\":\"care.sciatica.followup.appointment-scheduled.v1\",\"id\":\"b5c2e722\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void reproducesTheSpecificationsPublishedSignature() {
        assertThat(WebhookSigner.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SECRET))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsTheIdTimestampAndBodyWithHmacSha256AsComputedIndependently() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.encoded().substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = (ID + "." + SENT.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));

        assertThat(WebhookSigner.sign(ID, SENT.getEpochSecond(), BODY, secret)).isEqualTo(expected);
        assertThat(WebhookSigner.headers(ID, SENT, BODY, secret).asMap()).containsOnly(
                org.assertj.core.api.Assertions.entry("webhook-id", ID),
                org.assertj.core.api.Assertions.entry("webhook-timestamp", Long.toString(SENT.getEpochSecond())),
                org.assertj.core.api.Assertions.entry("webhook-signature", expected));
    }

    @Test
    void verifiesWhatItSigned() {
        WebhookHeaders headers = WebhookSigner.headers(SPEC_ID, Instant.ofEpochSecond(SPEC_TIMESTAMP), SPEC_BODY, SPEC_SECRET);

        assertThat(verify(headers.signature(), SPEC_BODY, SPEC_SECRET, Instant.ofEpochSecond(SPEC_TIMESTAMP + 10)))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void rejectsATamperedBodyAWrongSecretAndAnotherMessagesSignature() {
        String signature = WebhookSigner.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SECRET);
        Instant now = Instant.ofEpochSecond(SPEC_TIMESTAMP);

        assertThat(verify(signature, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), SPEC_SECRET, now))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(verify(signature, SPEC_BODY, WebhookSecret.generate(), now)).isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(WebhookSigner.verify("msg_other", Long.toString(SPEC_TIMESTAMP), signature, SPEC_BODY, SPEC_SECRET, now))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @ParameterizedTest(name = "received {0} s after signing -> {1}")
    @CsvSource(textBlock = """
            0,     VALID
            300,   VALID
            301,   TIMESTAMP_OUT_OF_TOLERANCE
            86400, TIMESTAMP_OUT_OF_TOLERANCE
            -300,  VALID
            -301,  TIMESTAMP_OUT_OF_TOLERANCE
            """)
    void checksTheTimestampAgainstAFiveMinuteTolerance(long secondsLater, SignatureCheck expected) {
        String signature = WebhookSigner.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SECRET);

        assertThat(verify(signature, SPEC_BODY, SPEC_SECRET, Instant.ofEpochSecond(SPEC_TIMESTAMP + secondsLater)))
                .isEqualTo(expected);
    }

    @Test
    void acceptsAnyMatchingV1SignatureAmongSeveral() {
        String good = WebhookSigner.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SECRET);
        String base64 = good.substring(3);
        Instant now = Instant.ofEpochSecond(SPEC_TIMESTAMP);

        assertThat(verify("v1,AAAA v1a,xyz " + good, SPEC_BODY, SPEC_SECRET, now)).isEqualTo(SignatureCheck.VALID);
        assertThat(verify("v1,not-base64! " + good, SPEC_BODY, SPEC_SECRET, now)).isEqualTo(SignatureCheck.VALID);
        assertThat(verify("v2," + base64, SPEC_BODY, SPEC_SECRET, now)).isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(verify(base64, SPEC_BODY, SPEC_SECRET, now)).isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void reportsMissingOrMalformedHeaders() {
        String good = WebhookSigner.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SECRET);
        Instant now = Instant.ofEpochSecond(SPEC_TIMESTAMP);

        assertThat(WebhookSigner.verify(SPEC_ID, "yesterday", good, SPEC_BODY, SPEC_SECRET, now)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(WebhookSigner.verify(null, Long.toString(SPEC_TIMESTAMP), good, SPEC_BODY, SPEC_SECRET, now))
                .isEqualTo(SignatureCheck.MALFORMED);
        assertThat(WebhookSigner.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), null, SPEC_BODY, SPEC_SECRET, now))
                .isEqualTo(SignatureCheck.MALFORMED);
        assertThat(WebhookSigner.verify(SPEC_ID, null, good, SPEC_BODY, SPEC_SECRET, now, Duration.ofMinutes(1)))
                .isEqualTo(SignatureCheck.MALFORMED);
    }

    private static SignatureCheck verify(String signature, byte[] body, WebhookSecret secret, Instant now) {
        return WebhookSigner.verify(SPEC_ID, Long.toString(SPEC_TIMESTAMP), signature, body, secret, now);
    }
}
