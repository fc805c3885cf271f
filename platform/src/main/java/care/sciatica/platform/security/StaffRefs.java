package care.sciatica.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Derives a stable opaque staff reference from an account's subject, for accounts without one assigned. */
final class StaffRefs {

    private static final char[] DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private StaffRefs() {
    }

    static String derivedFrom(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            StringBuilder ref = new StringBuilder("st_");
            for (int i = 0; i < 8; i++) {
                ref.append(DIGITS[(digest[i] & 0xFF) % DIGITS.length]);
            }
            return ref.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
