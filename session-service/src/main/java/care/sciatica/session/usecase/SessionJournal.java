package care.sciatica.session.usecase;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.common.Origin;
import care.sciatica.session.domain.SessionEvent;
import care.sciatica.session.persistence.SessionEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The session's timeline as stored: every session event a command decided, with who recorded it and when, appended in
 * the command's transaction. The snapshot says where the session stands; the journal says who did what, in order.
 */
@ApplicationScoped
public class SessionJournal {

    /** The session opened for a plan version: the timeline's first entry. */
    public record Opened(int planVersion, Origin primaryOrigin, Instant at) {
    }

    /** One entry read back: its place, who recorded it and when, and what (an {@link Opened} or a session event). */
    public record Entry(long position, String recordedBy, Instant recordedAt, Record what) {
    }

    private static final Map<String, Class<? extends Record>> KINDS = kinds();

    Uni<Void> opened(UUID sessionId, String recordedBy, Opened opened) {
        return entry(sessionId, recordedBy, opened.at(), opened).persist().replaceWithVoid();
    }

    Uni<Void> append(UUID sessionId, String recordedBy, List<SessionEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event ->
                        entry(sessionId, recordedBy, event.at(), (Record) event).persist())
                .collect().last()
                .replaceWithVoid();
    }

    /** The session's entries in the order they were recorded. */
    public Uni<List<Entry>> read(UUID sessionId) {
        return SessionEntry.<SessionEntry>list("sessionId = ?1 order by id", sessionId)
                .map(rows -> rows.stream()
                        .map(row -> new Entry(row.id, row.recordedBy, row.recordedAt, read(row.kind, row.entry)))
                        .toList());
    }

    private static SessionEntry entry(UUID sessionId, String recordedBy, Instant at, Record what) {
        SessionEntry entry = new SessionEntry();
        entry.sessionId = sessionId;
        entry.kind = what.getClass().getSimpleName();
        entry.recordedBy = recordedBy;
        entry.recordedAt = at;
        entry.entry = new String(EventJson.toBytes(what), StandardCharsets.UTF_8);
        return entry;
    }

    private static Record read(String kind, String json) {
        Class<? extends Record> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalStateException("Unknown session entry kind " + kind);
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every session event the domain can decide, by the simple name it is stored under, and the opening. */
    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Record>> kinds() {
        Map<String, Class<? extends Record>> kinds = Arrays.stream(SessionEvent.class.getPermittedSubclasses())
                .map(type -> (Class<? extends Record>) type)
                .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
        kinds.put(Opened.class.getSimpleName(), Opened.class);
        return Map.copyOf(kinds);
    }
}
