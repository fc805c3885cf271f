package care.sciatica.local;

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
}
