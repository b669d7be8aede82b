package io.kursfilm.video.boundary;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.video.entity.GuestLink;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;

/**
 * A video's guest links for the offboarding export ({@code videos/<id>/guest-links.json}): label,
 * dates, whether a password is set, openings. Never the token's hash nor the password's. Called
 * only by the export job: the tenant is bound from the argument.
 */
@Stateless
public class GuestLinkArchive {

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;

  public byte[] ofVideo(String tenantId, String videoId) {
    filter.bind(tenantId);
    JsonArrayBuilder links = Json.createArrayBuilder();
    for (GuestLink l :
        em.createNamedQuery(GuestLink.OF_VIDEO, GuestLink.class)
            .setParameter("videoId", videoId)
            .getResultList()) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", l.id())
              .add("createdBy", l.createdBy())
              .add("createdAt", l.createdAt().toString())
              .add("expiresAt", l.expiresAt().toString())
              .add("hasPassword", l.passwordHash().isPresent())
              .add("openings", l.openings());
      l.label().ifPresent(label -> json.add("label", label));
      l.revokedAt().ifPresent(at -> json.add("revokedAt", at.toString()));
      links.add(json);
    }
    return Json.createObjectBuilder()
        .add("videoId", videoId)
        .add("guestLinks", links)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }
}
