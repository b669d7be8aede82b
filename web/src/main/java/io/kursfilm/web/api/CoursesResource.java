package io.kursfilm.web.api;

import io.kursfilm.learning.boundary.CourseView;
import io.kursfilm.learning.boundary.Courses;
import io.kursfilm.learning.boundary.NewCourse;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Courses: ordered playlists of videos that trainers manage. */
@Path("courses")
@RequestScoped
@Tag(name = "learning")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CoursesResource {

  @Inject Courses courses;

  @GET
  @Operation(summary = "The tenant's courses with their videos in order (everybody of the tenant)")
  public List<CourseView> list() {
    return courses.list();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One course; 404 for any other tenant's")
  public CourseView find(@PathParam("id") String id) {
    return courses.find(id).orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Make a course {title, description?, videoIds: [in order]} (TRAINER) → 201")
  public Response create(NewCourse request) {
    return Response.status(Response.Status.CREATED).entity(courses.create(request)).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace title, description and the videos with their order (TRAINER)")
  public CourseView update(@PathParam("id") String id, NewCourse request) {
    return courses.update(id, request).orElseThrow(NotFoundException::new);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a course nobody is assigned (TRAINER); 409 while assigned")
  public Response delete(@PathParam("id") String id) {
    if (!courses.delete(id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }
}
