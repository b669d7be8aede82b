package io.kursfilm.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

  private static final String TAG = "\"0a1b2c\"";

  @Test
  void the_same_tag_weak_or_strong_fails_the_condition() {
    assertTrue(EntityTags.noneMatchFails(TAG, TAG));
    assertTrue(EntityTags.noneMatchFails("W/" + TAG, TAG));
  }

  @Test
  void a_list_naming_the_tag_or_a_star_fails_it() {
    assertTrue(EntityTags.noneMatchFails("\"other\", " + TAG, TAG));
    assertTrue(EntityTags.noneMatchFails("\"x\",W/" + TAG + ",\"y\"", TAG));
    assertTrue(EntityTags.noneMatchFails(" * ", TAG));
  }

  @Test
  void other_tags_prefixes_and_garbage_pass_it() {
    assertFalse(EntityTags.noneMatchFails(null, TAG));
    assertFalse(EntityTags.noneMatchFails("", TAG));
    assertFalse(EntityTags.noneMatchFails("\"other\"", TAG));
    assertFalse(EntityTags.noneMatchFails("\"0a1b\"", TAG));
    assertFalse(EntityTags.noneMatchFails("\"0a1b2c3\"", TAG));
    assertFalse(EntityTags.noneMatchFails("0a1b2c", TAG));
    assertFalse(EntityTags.noneMatchFails("\"0a1b2c", TAG));
    assertFalse(EntityTags.noneMatchFails("**", TAG));
  }
}
