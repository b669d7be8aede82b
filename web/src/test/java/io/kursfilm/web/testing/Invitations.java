package io.kursfilm.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kursfilm.web.identity.Inbox;
import jakarta.json.Json;

/**
 * People join the throwaway companies of the tests the way people join any company: an admin
 * invites them, and they accept with the token from the mail and a password of their own.
 */
public final class Invitations {

  private Invitations() {}

  /** {@code admin} invites {@code email} as {@code displayName} with {@code role}. */
  public static RestClient.Reply invite(
      RestClient api, String admin, String email, String displayName, String role)
      throws Exception {
    return api.post(
        "api/v1/invitations",
        admin,
        Json.createObjectBuilder()
            .add("email", email)
            .add("displayName", displayName)
            .add("roles", Json.createArrayBuilder().add(role))
            .build());
  }

  /** {@code email} accepts the invitation mailed to them into {@code slug}, choosing a password. */
  public static void accept(RestClient api, Inbox inbox, String slug, String email, String password)
      throws Exception {
    RestClient.Reply accepted =
        api.post(
            "api/v1/invitations/accept",
            null,
            Json.createObjectBuilder()
                .add("tenant", slug)
                .add("token", inbox.token(email))
                .add("password", password)
                .build());
    assertEquals(200, accepted.status(), accepted.body());
  }

  /** Both: {@code email} is a member of {@code slug} with {@code role} and {@code password}. */
  public static void join(
      RestClient api,
      Inbox inbox,
      String admin,
      String slug,
      String email,
      String displayName,
      String role,
      String password)
      throws Exception {
    RestClient.Reply invited = invite(api, admin, email, displayName, role);
    assertEquals(201, invited.status(), invited.body());
    accept(api, inbox, slug, email, password);
  }
}
