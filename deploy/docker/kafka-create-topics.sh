#!/bin/sh
# One-shot topic creation for docker-compose (the kafka-init service); mirrors
# deploy/local/src/main/java/care/sciatica/local/Topics.java: one events topic per producing service with
# 3 partitions (keyed by caseId, so one case stays ordered), one dead-letter topic per consumer with 1 partition.
# Idempotent (--if-not-exists), so re-running `docker compose up` is harmless.
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:19092}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() {
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1
}

for topic in intake.events assessment.events session.events followup.events; do
  create "$topic" 3
done
for topic in intake.dlq assessment.dlq session.dlq followup.dlq; do
  create "$topic" 1
done

"$TOPICS" --bootstrap-server "$BOOTSTRAP" --list
