package care.sciatica.followup.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps subscriptions' signing secrets encrypted at rest: AES-256-GCM with a random 96-bit nonce per value, under the
 * key {@code sciatica.followup.webhooks.secret-key} (base64 of 32 bytes). Production must supply it (e.g. the
 * environment variable SCIATICA_FOLLOWUP_WEBHOOKS_SECRET_KEY from a secret store); only the dev and test profiles
 * carry a key in the repository. A value stored before encryption (plain {@code whsec_…}) still opens, and is sealed
 * the next time it is written.
 */
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "aes-gcm:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds each ciphertext to its use: a sealed value cannot be passed off as another kind of secret. */
    private static final byte[] CONTEXT = "webhook-subscription-secret".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public SecretBox(WebhookConfig config) {
        this(config.secretKey());
    }

    SecretBox(String encodedKey) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encodedKey.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sciatica.followup.webhooks.secret-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("sciatica.followup.webhooks.secret-key must be 32 bytes (AES-256), got "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    /** The secret in clear, for signing; null stays null. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a webhook secret: wrong sciatica.followup.webhooks.secret-key?", e);
        }
    }
}
