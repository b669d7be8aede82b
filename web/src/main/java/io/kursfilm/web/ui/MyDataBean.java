package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.SelfService;
import io.kursfilm.platform.control.ConflictException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ResourceBundle;

/** "My data": what Kursfilm keeps about me, the download, and the erasure request. */
@Named
@RequestScoped
public class MyDataBean {

  @Inject SelfService selfService;
  @Inject FacesContext faces;

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
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    try {
      selfService.requestDeletion();
      data = null;
      faces.addMessage(null, new FacesMessage(msg.getString("mydata.deletion.requested")));
    } catch (ConflictException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_WARN, msg.getString("mydata.deletion.pending"), null));
    }
  }
}
