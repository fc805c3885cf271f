package care.sciatica.intake.domain;

import java.security.SecureRandom;

/** Makes the opaque patient references that stand for a patient everywhere outside intake. */
public final class PatientRefs {

    /** Crockford's base-32 digits: no I, L, O or U, so a ref read aloud is not misheard. */
    private static final char[] DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PatientRefs() {
    }

    /** A new reference such as {@code pt_7Q2M9X4K}; random, so it says nothing about the patient. */
    public static String next() {
        StringBuilder ref = new StringBuilder("pt_");
        for (int i = 0; i < 8; i++) {
            ref.append(DIGITS[RANDOM.nextInt(DIGITS.length)]);
        }
        return ref.toString();
    }
}
