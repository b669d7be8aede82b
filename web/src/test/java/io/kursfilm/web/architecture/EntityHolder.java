package io.kursfilm.web.architecture;

import io.kursfilm.video.entity.Video;

/**
 * A class that holds an entity, to show the entity rule of {@link WebArchitectureTest} sees one.
 */
class EntityHolder {
  Video video;
}
