package care.sciatica.platform.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

/** The test application's only state: something that belongs to a site. */
@Entity
public class Parcel extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id")
    public String siteId;

    public String label;
}
