package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.Catalogue;
import io.kursfilm.learning.boundary.CatalogueEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's published videos, searchable: the portal catalogue's REST twin. */
@Path("catalogue")
@RequestScoped
@Tag(name = "learning")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

  @Inject Catalogue catalogue;

  @GET
  @Operation(
      summary = "Published videos matching every word of q (title, description, tags) in language",
      description =
          "Both optional; language \"en\" also matches \"en-GB\". Each entry carries the caller's"
              + " watchedShare and completed.")
  public List<CatalogueEntry> search(
      @QueryParam("q") String query, @QueryParam("language") String language) {
    return catalogue.search(query, language);
  }
}
