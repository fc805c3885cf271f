package care.sciatica.platform.security;

import care.sciatica.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** Derives a stable opaque staff reference from an account's subject, for accounts without one assigned. */
public final class StaffRefs {

    /** The documented alphabet of a staff reference: {@code st_} and eight of Crockford's base-32 digits. */
    public static final Pattern STAFF_REF = Pattern.compile("st_[A-Z0-9]{8}");

    private static final char[] DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private StaffRefs() {
    }

    /** Refuses (400, naming the field) a staff reference outside its alphabet, before it reaches a query. */
    public static void requireWellFormed(String field, String ref) {
        if (ref == null || !STAFF_REF.matcher(ref).matches()) {
            throw ProblemException.invalid(field, "must be a staff reference such as st_8H3L5V2P");
        }
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
