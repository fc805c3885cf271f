package care.sciatica.followup.domain.webhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A subscription's signing secret in the Standard Webhooks form {@code whsec_<base64>}, 24 to 64 random bytes. Its
 * {@link #toString()} never shows the key, so it cannot leak into a log line.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    public static final int MIN_BYTES = 24;
    public static final int MAX_BYTES = 64;
    static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("A webhook secret has " + MIN_BYTES + " to " + MAX_BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** Reads {@code whsec_<base64>}; anything else (no prefix, bad base64, too short or long) is refused. */
    public static WebhookSecret parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        try {
            return new WebhookSecret(Base64.getDecoder().decode(encoded.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret is " + PREFIX + " followed by base64 of "
                    + MIN_BYTES + " to " + MAX_BYTES + " bytes", e);
        }
    }

    /** A fresh secret of 32 bytes from a strong random source. */
    public static WebhookSecret generate() {
        return generate(RANDOM);
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The form to store and to show the subscriber once: {@code whsec_<base64>}. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A copy of the HMAC key. */
    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && java.security.MessageDigest.isEqual(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + PREFIX + "***]";
    }
}
