package care.sciatica.followup.domain.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhooks per Standard Webhooks 1.0.0: HMAC-SHA256 over {@code {id}.{timestamp}.{body}}, sent as
 * {@code v1,<base64>}; a header may list several space-separated signatures (e.g. during secret rotation). Signing is
 * done by the specification's own Java library ({@code com.standardwebhooks}); verifying stays here for receivers'
 * tests and tools that want a result rather than an exception.
 */
public final class WebhookSigner {

    /** How far a timestamp may be from the receiver's clock, either way, as the specification's libraries use. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    static final String VERSION = "v1";
    private static final String HMAC = "HmacSHA256";

    private WebhookSigner() {
    }

    /** The {@code webhook-signature} value for this message: {@code v1,<base64 HMAC>}. */
    public static String sign(String id, long timestamp, byte[] body, WebhookSecret secret) {
        try {
            return new Webhook(secret.encoded()).sign(id, timestamp, new String(body, StandardCharsets.UTF_8));
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("The Standard Webhooks library cannot sign", e);
        }
    }

    /** All three headers for one delivery attempt of message {@code id}, signed at {@code now}. */
    public static WebhookHeaders headers(String id, Instant now, byte[] body, WebhookSecret secret) {
        return headers(id, now, body, List.of(secret));
    }

    /** The headers signed with each of {@code secrets} (the current one first), space-separated as the spec allows. */
    public static WebhookHeaders headers(String id, Instant now, byte[] body, List<WebhookSecret> secrets) {
        long timestamp = now.getEpochSecond();
        String signatures = secrets.stream().map(secret -> sign(id, timestamp, body, secret))
                .collect(Collectors.joining(" "));
        return new WebhookHeaders(id, timestamp, signatures);
    }

    /**
     * Checks a received webhook: the timestamp within {@code tolerance} of {@code now}, then each {@code v1} signature
     * compared in constant time against the expected one.
     */
    public static SignatureCheck verify(String id, String timestampHeader, String signatureHeader, byte[] body, WebhookSecret secret,
                                        Instant now, Duration tolerance) {
        if (id == null || id.isBlank() || timestampHeader == null || signatureHeader == null || body == null) {
            return SignatureCheck.MALFORMED;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return SignatureCheck.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        byte[] expected = hmac(id, timestamp, body, secret);
        boolean matched = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !VERSION.equals(candidate.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // Every candidate is compared, and in constant time, so timing tells an attacker nothing.
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched ? SignatureCheck.VALID : SignatureCheck.NO_MATCHING_SIGNATURE;
    }

    public static SignatureCheck verify(String id, String timestampHeader, String signatureHeader, byte[] body, WebhookSecret secret,
                                        Instant now) {
        return verify(id, timestampHeader, signatureHeader, body, secret, now, DEFAULT_TOLERANCE);
    }

    private static byte[] hmac(String id, long timestamp, byte[] body, WebhookSecret secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.key(), HMAC));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
