package care.sciatica.followup.domain.episode;

import care.sciatica.followup.domain.InvalidSeedData;
import care.sciatica.followup.domain.SeedJson;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks the episode policy; every problem of the document is reported at once. */
public final class EpisodePolicyLoader {

    static final String DOCUMENT = "episode policy";
    private static final Pattern SITE_ID = Pattern.compile("^site-[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_VISITS = 52;

    private EpisodePolicyLoader() {
    }

    public static EpisodePolicy load(Reader reader) {
        RawPolicy raw = SeedJson.read(reader, RawPolicy.class, DOCUMENT);
        List<String> problems = new ArrayList<>();
        text("version", raw.version(), problems);
        RawMic mic = present("minimalImportantChange", raw.minimalImportantChange(), problems);
        RawDischarge discharge = present("discharge", raw.discharge(), problems);
        RawStall stall = present("stall", raw.stall(), problems);
        RawLapse lapse = present("lapse", raw.lapse(), problems);
        if (mic != null) {
            range("minimalImportantChange.painNrsPoints", mic.painNrsPoints(), 1, 10, problems);
            range("minimalImportantChange.odiPoints", mic.odiPoints(), 1, 100, problems);
            range("minimalImportantChange.rmdqPoints", mic.rmdqPoints(), 1, 24, problems);
            range("minimalImportantChange.percentOfBaseline", mic.percentOfBaseline(), 1, 100, problems);
            text("minimalImportantChange.source", mic.source(), problems);
        }
        if (discharge != null) {
            range("discharge.painNrsAtOrBelow", discharge.painNrsAtOrBelow(), 0, 10, problems);
            range("discharge.rmdqAtOrBelow", discharge.rmdqAtOrBelow(), 0, 24, problems);
            range("discharge.odiAtOrBelow", discharge.odiAtOrBelow(), 0, 100, problems);
            text("discharge.source", discharge.source(), problems);
        }
        if (stall != null) {
            range("stall.noMinimalImportantChangeByVisit", stall.noMinimalImportantChangeByVisit(), 2, MAX_VISITS, problems);
            if (stall.worseThanBaselineAtAnyReview() == null) {
                problems.add("stall.worseThanBaselineAtAnyReview is missing");
            }
            text("stall.source", stall.source(), problems);
        }
        if (lapse != null) {
            range("lapse.rebookWithinDays", lapse.rebookWithinDays(), 1, 90, problems);
            text("lapse.source", lapse.source(), problems);
        }
        range("defaultVisitCap", raw.defaultVisitCap(), 2, MAX_VISITS, problems);
        text("visitCapSource", raw.visitCapSource(), problems);
        Map<String, Integer> caps = new LinkedHashMap<>();
        (raw.sites() == null ? Map.<String, RawSite>of() : raw.sites()).forEach((siteId, site) -> {
            if (!SITE_ID.matcher(siteId).matches()) {
                problems.add("sites." + siteId + " is not a site id like site-north");
            }
            if (site == null) {
                problems.add("sites." + siteId + " is empty");
                return;
            }
            range("sites." + siteId + ".visitCap", site.visitCap(), 2, MAX_VISITS, problems);
            text("sites." + siteId + ".source", site.source(), problems);
            caps.put(siteId, site.visitCap());
        });
        if (!problems.isEmpty()) {
            throw new InvalidSeedData(DOCUMENT, problems);
        }
        return new EpisodePolicy(raw.version(),
                new EpisodePolicy.MinimalImportantChange(mic.painNrsPoints(), mic.odiPoints(), mic.rmdqPoints(),
                        mic.percentOfBaseline(), mic.source()),
                new EpisodePolicy.Discharge(discharge.painNrsAtOrBelow(), discharge.rmdqAtOrBelow(),
                        discharge.odiAtOrBelow(), discharge.source()),
                new EpisodePolicy.Stall(stall.noMinimalImportantChangeByVisit(), stall.worseThanBaselineAtAnyReview(),
                        stall.source()),
                new EpisodePolicy.Lapse(lapse.rebookWithinDays(), lapse.source()),
                raw.defaultVisitCap(), raw.visitCapSource(), caps);
    }

    private static <T> T present(String path, T value, List<String> problems) {
        if (value == null) {
            problems.add(path + " is missing");
        }
        return value;
    }

    private static void text(String path, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(path + " is missing");
        }
    }

    private static void range(String path, Integer value, int min, int max, List<String> problems) {
        if (value == null) {
            problems.add(path + " is missing");
        } else if (value < min || value > max) {
            problems.add(path + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    record RawPolicy(String version, String description, RawMic minimalImportantChange, RawDischarge discharge,
                     RawStall stall, RawLapse lapse, Integer defaultVisitCap, String visitCapSource,
                     Map<String, RawSite> sites) {
    }

    record RawMic(Integer painNrsPoints, Integer odiPoints, Integer rmdqPoints, Integer percentOfBaseline,
                  String source) {
    }

    record RawDischarge(Integer painNrsAtOrBelow, Integer rmdqAtOrBelow, Integer odiAtOrBelow, String source) {
    }

    record RawStall(Integer noMinimalImportantChangeByVisit, Boolean worseThanBaselineAtAnyReview, String source) {
    }

    record RawLapse(Integer rebookWithinDays, String source) {
    }

    record RawSite(Integer visitCap, String source) {
    }
}
