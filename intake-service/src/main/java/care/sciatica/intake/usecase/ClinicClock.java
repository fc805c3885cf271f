package care.sciatica.intake.usecase;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Now and today as the clinics count them, so a date typed in the evening is not refused as tomorrow's. */
@ApplicationScoped
public class ClinicClock {

    private final IntakeConfig config;

    public ClinicClock(IntakeConfig config) {
        this.config = config;
    }

    /** Now, to the microsecond PostgreSQL keeps, so that an answer shows the time exactly as it is read back. */
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.now(config.zone());
    }

    /** The first instant of {@code day} in the clinics' zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(config.zone()).toInstant();
    }
}
