package care.sciatica.intake.usecase;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The intake service's own settings. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The clinics' time zone: what "today" is for the date checks, ages and the case list's date filters. */
    @WithDefault("Europe/London")
    ZoneId zone();
}
