package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.SelfService;
import io.kursfilm.kernel.ConflictException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "My data": what Kursfilm keeps about me, the download, and the erasure request. */
@Named
@RequestScoped
public class MyDataBean {

  @Inject SelfService selfService;

  private SelfService.MyData data;

  public SelfService.MyData data() {
    if (data == null) {
      data = selfService.myData();
    }
    return data;
  }

  public String getEmail() {
    return data().email();
  }

  public String getDisplayName() {
    return data().displayName();
  }

  public String getRoles() {
    return String.join(", ", data().roles().stream().sorted().toList());
  }

  public boolean isDeletionPending() {
    return data().deletionRequests().stream().anyMatch(r -> "PENDING".equals(r.state()));
  }

  public void requestDeletion() {
    try {
      selfService.requestDeletion();
      data = null;
      Messages.info("mydata.deletion.requested");
    } catch (ConflictException e) {
      Messages.warn("mydata.deletion.pending");
    }
  }
}
