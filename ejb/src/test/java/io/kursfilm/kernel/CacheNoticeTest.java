package io.kursfilm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheNoticeTest {

  @Test
  void tenant_and_video_notices_survive_the_trip_between_nodes() {
    CacheNotice tenant = CacheNotice.tenant("2f6c1a9e-0b7d-4c55-9a51-3c0e7d1f2a44");
    CacheNotice video = CacheNotice.video("t-1", "v-1");

    assertEquals(tenant, CacheNotice.decode(tenant.encode()));
    assertEquals(video, CacheNotice.decode(video.encode()));
    assertEquals(Optional.empty(), CacheNotice.decode("t-1").videoId());
    assertEquals("t-1/v-1", video.encode());
  }

  @Test
  void a_user_notice_reads_back_as_a_user_notice_not_a_video_or_tenant_one() {
    CacheNotice user = CacheNotice.user("t-1", "u-1");

    assertEquals(user, CacheNotice.decode(user.encode()));
    assertEquals("t-1/user/u-1", user.encode());
    assertEquals(Optional.empty(), user.videoId());
    assertFalse(user.tenantWide());
    assertFalse(CacheNotice.video("t-1", "v-1").tenantWide());
    assertTrue(CacheNotice.tenant("t-1").tenantWide());
  }

  @Test
  void ids_that_would_not_read_back_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.tenant(""));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.tenant("a/b"));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.video("t", ""));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.video("t", "v/w"));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.decode("/v"));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.decode("t/"));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.user("t", "u/v"));
    assertThrows(IllegalArgumentException.class, () -> CacheNotice.decode("t/user/"));
  }
}
