package io.kursfilm.web.ui;

import io.kursfilm.kernel.Caller;
import io.kursfilm.kernel.Role;
import io.kursfilm.review.boundary.Reviews;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The count next to the critic's menu entry: versions waiting that the caller may decide on (not
 * their own uploads). Asked once per request, and only for critics.
 */
@Named("criticMenu")
@RequestScoped
public class CriticMenuBean {

  @Inject Caller caller;
  @Inject Reviews reviews;

  private Long waiting;

  public long getWaiting() {
    if (waiting == null) {
      boolean critic = caller.current().map(c -> c.has(Role.CRITIC)).orElse(false);
      waiting = critic ? reviews.queue().stream().filter(q -> !q.mine()).count() : 0L;
    }
    return waiting;
  }

  /** The menu label's suffix: " (n)". */
  public String getSuffix() {
    return " (" + getWaiting() + ")";
  }
}
