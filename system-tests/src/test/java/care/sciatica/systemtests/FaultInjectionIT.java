package care.sciatica.systemtests;

import care.sciatica.local.RepositoryLayout;
import care.sciatica.local.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cases flow through the packaged platform over HTTP while, one after the other, each service is killed (SIGKILL) and
 * started again, one of the three Kafka brokers is killed and brought back, and PostgreSQL is restarted. Afterwards
 * the databases and topics show that nothing was lost, duplicated or left stuck.
 */
class FaultInjectionIT {

    private static final int CASES = Integer.getInteger("sciatica.faults.cases", 120);
    private static final int CLINICS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> SERVICES = List.of("assessment-service", "session-service",
            "followup-service", "intake-service");

    private static RunningPlatform platform;
    private static TopicReader topics;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.shared();
        topics = new TopicReader(platform.bootstrapServers());
    }

    @AfterAll
    static void closeTopics() {
        topics.close();
    }

    @Test
    void nothingIsLostDuplicatedOrStuckWhenServicesTheBrokerAndTheDatabaseFail() throws Exception {
        CaseDriver driver = new CaseDriver(platform, "north", platform::baseUrl, PATIENCE);
        CaseDriver.Batch batch = driver.start(CASES, CLINICS);
        List<String> faults = injectFaultsWhile(batch);
        List<String> caseIds = batch.await().stream().map(CaseDriver.Outcome::caseId).toList();
        FlowInvariants invariants = new FlowInvariants(platform, topics);
        try {
            assertThat(caseIds).hasSize(CASES).doesNotHaveDuplicates();
            invariants.awaitSettled(caseIds, PATIENCE);
            Map<String, Long> counts = invariants.counts(caseIds);
            System.out.printf("Fault injection: %d cases; faults %s;%n  %s%n", CASES, faults, counts);
            invariants.assertHeld(counts, CASES);
        } finally {
            driver.freeCalendars(invariants.appointmentIds(caseIds));
        }
    }

    /** Each failure in turn, each once enough more cases have completed; returns what was done. */
    private static List<String> injectFaultsWhile(CaseDriver.Batch batch) {
        List<String> faults = new ArrayList<>();
        int step = Math.max(1, CASES / 10);
        int next = step;
        for (String service : SERVICES) {
            awaitCases(batch, next);
            platform.kill(service);
            platform.restart(service);
            faults.add("kill -9 " + service);
            next += step;
        }
        awaitCases(batch, next);
        platform.kafka().kill(2);
        faults.add("kill -9 kafka-2");
        next += step;
        awaitCases(batch, next);
        platform.kafka().restart(2);
        faults.add("restart kafka-2");
        next += step;
        awaitCases(batch, next);
        restartPostgres();
        faults.add("restart postgresql");
        return faults;
    }

    private static void awaitCases(CaseDriver.Batch batch, int atLeast) {
        await().atMost(PATIENCE).until(() -> batch.done() >= Math.min(atLeast, CASES - 1));
    }

    private static void restartPostgres() {
        try {
            Process restart = new ProcessBuilder("bash", "-c", "pg_ctlcluster --skip-systemctl-redirect "
                    + "\"$(ls /etc/postgresql | sort -V | tail -n 1)\" main restart -m fast && "
                    + "bash deploy/local/bin/ensure-postgres.sh")
                    .directory(RepositoryLayout.root().toFile()).inheritIO().start();
            assertThat(restart.waitFor(120, TimeUnit.SECONDS)).as("PostgreSQL restarted in time").isTrue();
            assertThat(restart.exitValue()).as("PostgreSQL restart exit code").isZero();
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart PostgreSQL", e);
        }
    }
}
