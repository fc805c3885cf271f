package care.sciatica.console.services;

/**
 * A service answered "you may not" in a way no form can fix: the session behind the token has expired (401), the role
 * may not do it (403), or the record does not exist for this user (404, also another site's record). Mapped to pages.
 */
public final class ServiceRefused extends RuntimeException {

    private final int status;

    public ServiceRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
