package care.sciatica.local;

import java.util.Set;
import java.util.TreeSet;

/** One scrape of a service's {@code /q/metrics} in the Prometheus text format, read the way a test compares before and after. */
public record ScrapedMetrics(String text) {

    /**
     * The value of the series {@code name{labels}} written exactly as Prometheus prints it (labels in alphabetical
     * order), or of a label-less series; 0 when absent.
     */
    public double value(String series) {
        for (String line : text.split("\n")) {
            // Older Prometheus writers end a label set with ",}".
            String normalised = line.replace(",}", "}");
            if (normalised.startsWith(series + " ")) {
                return Double.parseDouble(normalised.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }

    /** The names of the series in the scrape ({@code name} of every {@code name{labels} value} line). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
