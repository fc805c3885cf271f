package care.sciatica.intake.usecase;

import care.sciatica.intake.api.CaseCounts;
import care.sciatica.intake.api.CaseFilter;
import care.sciatica.intake.api.CasePage;
import care.sciatica.intake.domain.CaseStatus;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.Patient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A site's cases for its staff (a page at a time, newest first) and their counts by status for ops. */
@ApplicationScoped
public class SiteCases {

    private final Visible visible;
    private final ClinicClock clock;

    public SiteCases(Visible visible, ClinicClock clock) {
        this.visible = visible;
        this.clock = clock;
    }

    @WithSession
    public Uni<CasePage> list(String siteId, CaseFilter filter, int page, int size) {
        Where where = where(visible.site(siteId), filter);
        PanacheQuery<CareCase> query = CareCase.find(where.hql() + " order by openedAt desc, id", where.parameters());
        return query.count()
                .chain(total -> query.page(page, size).list()
                        .chain(cases -> patientRefs(cases).map(refs -> new CasePage(cases.stream()
                                .map(careCase -> Views.summary(careCase, refs.get(careCase.patientId)))
                                .toList(), page, size, total, (int) ((total + size - 1) / size)))));
    }

    @WithSession
    public Uni<CaseCounts> count(String siteId, CaseFilter filter) {
        Where where = where(visible.site(siteId), filter);
        String hql = "select status, count(*) from CareCase where " + where.hql() + " group by status";
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createSelectionQuery(hql, Object[].class);
                    where.parameters().map().forEach(query::setParameter);
                    return query.getResultList();
                })
                .map(rows -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    for (CaseStatus status : CaseStatus.values()) {
                        byStatus.put(status.name(), 0L);
                    }
                    rows.forEach(row -> byStatus.put((String) row[0], ((Number) row[1]).longValue()));
                    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
                    return new CaseCounts(siteId, filter.openedFrom(), filter.openedTo(), byStatus, total);
                });
    }

    private Uni<Map<UUID, String>> patientRefs(List<CareCase> cases) {
        if (cases.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Patient.<Patient>list("id in ?1", cases.stream().map(c -> c.patientId).distinct().toList())
                .map(patients -> patients.stream().collect(Collectors.toMap(p -> p.id, p -> p.patientRef)));
    }

    private Where where(String siteId, CaseFilter filter) {
        StringBuilder hql = new StringBuilder("siteId = :site");
        Parameters parameters = Parameters.with("site", siteId);
        if (filter.status() != null) {
            hql.append(" and status = :status");
            parameters.and("status", filter.status().name());
        }
        if (filter.openedFrom() != null) {
            hql.append(" and openedAt >= :from");
            parameters.and("from", clock.startOf(filter.openedFrom()));
        }
        if (filter.openedTo() != null) {
            hql.append(" and openedAt < :to");
            parameters.and("to", clock.startOf(filter.openedTo().plusDays(1)));
        }
        return new Where(hql.toString(), parameters);
    }

    private record Where(String hql, Parameters parameters) {
    }
}
