package io.kursfilm.notification.control;

import io.kursfilm.notification.boundary.NotificationKind;
import java.util.List;

/**
 * The notifications one move of a version produced, fired inside its transaction: observed after
 * commit only, to mail the people named here. Carries ids, never addresses.
 */
public record Notified(
    String tenantId,
    String videoId,
    int version,
    String title,
    NotificationKind kind,
    List<String> recipients) {}
