package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.Assignee;
import io.kursfilm.learning.boundary.AssignmentView;
import io.kursfilm.learning.boundary.Assignments;
import io.kursfilm.learning.boundary.NewAssignment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assignments of videos and courses to people and groups, with due dates and states. */
@Path("assignments")
@RequestScoped
@Tag(name = "learning")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentsResource {

  @Inject Assignments assignments;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Assign a video or course to people and/or groups (TRAINER, TENANT_ADMIN)",
      description =
          "{videoId|courseId, userIds?, groupIds?, dueDate: YYYY-MM-DD, recurrence?: ISO period"
              + " such as P1Y} → 201 {id}. A due date in the past, unknown or foreign people or"
              + " groups → 400; an unpublished video → 409; nothing is stored then.")
  public Response create(NewAssignment request) {
    String id = assignments.create(request);
    return Response.status(Response.Status.CREATED).entity(Map.of("id", id)).build();
  }

  @GET
  @Operation(
      summary = "Assignments with their state (EMPLOYEE: own; TRAINER, TENANT_ADMIN: the tenant's)",
      description =
          "[{id, videoId|courseId, title, dueDate, state: OPEN|COMPLETED|OVERDUE, completedAt?,"
              + " recurrence?, cycle, userId?, userName?}]; trainers and admins get one entry per"
              + " person (audited), ?overdue=true only the overdue ones.")
  public List<AssignmentView> list(
      @QueryParam("overdue") boolean overdue, @QueryParam("mine") boolean mine) {
    return assignments.list(overdue, mine);
  }

  @GET
  @Path("people")
  @Operation(summary = "Active employees to assign to (TRAINER, TENANT_ADMIN; audited)")
  public List<Assignee> people() {
    return assignments.people();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Withdraw an assignment (TRAINER, TENANT_ADMIN; audited); 404 if not here")
  public Response delete(@PathParam("id") String id) {
    if (!assignments.delete(id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }
}
