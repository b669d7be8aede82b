package io.kursfilm.learning.entity;

import io.kursfilm.kernel.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One video at one position of a course; a new order replaces all rows of the course. */
@Entity
@Table(name = "course_video")
@Multitenant
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantFilter.PROPERTY, length = 36)
@NamedQuery(
    name = CourseVideo.OF_COURSES,
    query = "select v from CourseVideo v where v.courseId in :courseIds order by v.position")
@NamedQuery(
    name = CourseVideo.DELETE_OF_COURSE,
    query = "delete from CourseVideo v where v.courseId = :courseId")
public class CourseVideo {

  public static final String OF_COURSES = "CourseVideo.ofCourses";
  public static final String DELETE_OF_COURSE = "CourseVideo.deleteOfCourse";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "course_id")
  private String courseId;

  @Column(name = "video_id")
  private String videoId;

  private int position;

  protected CourseVideo() {}

  public CourseVideo(String courseId, String videoId, int position) {
    this.id = UUID.randomUUID().toString();
    this.courseId = courseId;
    this.videoId = videoId;
    this.position = position;
  }

  public String courseId() {
    return courseId;
  }

  public String videoId() {
    return videoId;
  }

  public int position() {
    return position;
  }
}
