package care.sciatica.contracts.followup;

/** Why a follow-up was scheduled when it was. */
public enum ScheduleReason {
    ROUTINE_INTERVAL, SOONER_LITTLE_CHANGE, SOONER_WORSE_FLAGGED
}
