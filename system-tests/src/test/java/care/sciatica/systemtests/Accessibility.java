package care.sciatica.systemtests;

import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (from npm, pinned by src/test/npm/package-lock.json and installed by the build into target/npm) run inside
 * the page: the serious and critical violations of the page as it stands, each with the elements it found.
 */
final class Accessibility {

    private static final Path AXE = Path.of("target/npm/node_modules/axe-core/axe.min.js");

    private Accessibility() {
    }

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(JavascriptExecutor page) {
        String axe;
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed (the build runs npm ci in target/npm)", e);
        }
        page.executeScript(axe);
        Object found = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
        return new ArrayList<>((List<String>) found);
    }
}
