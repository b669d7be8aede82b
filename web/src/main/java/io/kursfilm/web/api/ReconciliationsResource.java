package io.kursfilm.web.api;

import io.kursfilm.operator.boundary.Reconciliations;
import io.kursfilm.operator.boundary.Reconciliations.ReconcileView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The orphan reconciliation on demand (ROOT): the scheduled pass, now. */
@Path("reconciliations")
@RequestScoped
@Tag(name = "platform")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationsResource {

  @Inject Reconciliations reconciliations;

  @POST
  @Operation(
      summary =
          "Remove objects no row owns (older than kursfilm.reconcile.grace) in every tenant's"
              + " bucket; answers counts and bytes per kind")
  public ReconcileView run() {
    return reconciliations.run();
  }
}
