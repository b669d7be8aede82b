package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.GroupView;
import io.kursfilm.learning.boundary.Groups;
import io.kursfilm.learning.boundary.ImportReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Groups of people (TENANT_ADMIN manages them; trainers list them to assign). */
@Path("groups")
@RequestScoped
@Tag(name = "learning")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

  /** A group's name. */
  public record GroupName(String name) {}

  /** People to add to a group. */
  public record NewMembers(List<String> userIds) {}

  @Inject Groups groups;

  @GET
  @Operation(summary = "The groups with their number of members (TENANT_ADMIN, TRAINER)")
  public List<GroupView> list() {
    return groups.list();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A group with its members' names (TENANT_ADMIN; audited)")
  public GroupView find(@PathParam("id") String id) {
    return groups.find(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make a group {name} (TENANT_ADMIN) → 201")
  public Response create(GroupName request) {
    GroupView group = groups.create(request == null ? null : request.name());
    return Response.status(Response.Status.CREATED).entity(group).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a group {name} (TENANT_ADMIN)")
  public Response rename(@PathParam("id") String id, GroupName request) {
    if (!groups.rename(id, request == null ? null : request.name())) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a group (TENANT_ADMIN); its assignments no longer reach anybody")
  public Response delete(@PathParam("id") String id) {
    if (!groups.delete(id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add active users {userIds} to the group (TENANT_ADMIN) → {added}")
  public Map<String, Integer> addMembers(@PathParam("id") String id, NewMembers request) {
    int added =
        groups
            .addMembers(id, request == null ? null : request.userIds())
            .orElseThrow(NotFoundException::new);
    return Map.of("added", added);
  }

  @DELETE
  @Path("{id}/members/{userId}")
  @Operation(summary = "Take a person out of the group (TENANT_ADMIN)")
  public Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
    if (!groups.removeMember(id, userId)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @BodyLimit(2 * 1024 * 1024)
  @Operation(
      summary = "Import people from CSV email,name[,group] (TENANT_ADMIN) → report",
      description =
          "Existing users (matched by e-mail) join the line's group or ?group=; unknown addresses"
              + " are invited as EMPLOYEE; bad lines are REJECTED with their number. A file that"
              + " does not parse (header, quoting) is 400 and imports nothing.")
  public ImportReport importCsv(@QueryParam("group") String group, String csv) {
    return groups.importCsv(csv, group);
  }
}
