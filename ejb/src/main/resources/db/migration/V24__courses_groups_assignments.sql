-- Courses, groups and assignments of the learning portal. Titles, descriptions and group names are
-- tenant content, sealed under the tenant's key and bound to their row; everything else is ids,
-- dates and states.

-- An ordered playlist of videos, managed by trainers.
CREATE TABLE course (
  id          CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id   CHAR(36)     NOT NULL,
  title       TEXT         NOT NULL,
  description TEXT,
  created_by  CHAR(36)     NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  INDEX ix_course_tenant (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE course_video (
  id        CHAR(36) NOT NULL PRIMARY KEY,
  tenant_id CHAR(36) NOT NULL,
  course_id CHAR(36) NOT NULL,
  video_id  CHAR(36) NOT NULL,
  position  INT      NOT NULL,
  UNIQUE KEY uq_course_video_position (course_id, position),
  INDEX ix_course_video_video (tenant_id, video_id),
  CONSTRAINT fk_course_video_course FOREIGN KEY (course_id) REFERENCES course (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_course_video_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A group of people that tenant admins manage (learner_group: GROUP is a reserved word).
CREATE TABLE learner_group (
  id         CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id  CHAR(36)     NOT NULL,
  name       TEXT         NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  INDEX ix_learner_group_tenant (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE group_member (
  id        CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id CHAR(36)     NOT NULL,
  group_id  CHAR(36)     NOT NULL,
  user_id   CHAR(36)     NOT NULL,
  -- a later member's first due date is counted from here
  joined_at TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_group_member (group_id, user_id),
  INDEX ix_group_member_user (tenant_id, user_id),
  CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES learner_group (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_group_member_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A video or a course assigned with a first due date, optionally recurring (ISO period, P1Y).
CREATE TABLE assignment (
  id          CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id   CHAR(36)     NOT NULL,
  video_id    CHAR(36),
  course_id   CHAR(36),
  due_date    DATE         NOT NULL,
  recurrence  VARCHAR(16),
  created_by  CHAR(36)     NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  INDEX ix_assignment_tenant (tenant_id),
  CONSTRAINT fk_assignment_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE,
  CONSTRAINT fk_assignment_course FOREIGN KEY (course_id) REFERENCES course (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Whom an assignment is for: one person or one group (its members now and later).
CREATE TABLE assignment_target (
  id            CHAR(36) NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36) NOT NULL,
  assignment_id CHAR(36) NOT NULL,
  user_id       CHAR(36),
  group_id      CHAR(36),
  INDEX ix_assignment_target_user (tenant_id, user_id),
  INDEX ix_assignment_target_group (tenant_id, group_id),
  CONSTRAINT fk_assignment_target_assignment FOREIGN KEY (assignment_id)
    REFERENCES assignment (id) ON DELETE CASCADE,
  CONSTRAINT fk_assignment_target_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_assignment_target_group FOREIGN KEY (group_id) REFERENCES learner_group (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A person's cycle of an assignment once it is settled: written when a cycle is completed (the proof,
-- never changed afterwards) and, for a recurring assignment, the next cycle it opens. A person
-- without a row is in cycle 1 (computed from the assignment). Unique per person and number, so two
-- nodes renewing at once cannot both open the next cycle.
CREATE TABLE assignment_cycle (
  id            CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36)     NOT NULL,
  assignment_id CHAR(36)     NOT NULL,
  user_id       CHAR(36)     NOT NULL,
  number        INT          NOT NULL,
  starts_at     TIMESTAMP(6) NOT NULL,
  due_date      DATE         NOT NULL,
  completed_at  TIMESTAMP(6),
  UNIQUE KEY uq_assignment_cycle (assignment_id, user_id, number),
  INDEX ix_assignment_cycle_user (tenant_id, user_id),
  CONSTRAINT fk_assignment_cycle_assignment FOREIGN KEY (assignment_id)
    REFERENCES assignment (id) ON DELETE CASCADE,
  CONSTRAINT fk_assignment_cycle_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A reminder mail sent (or being sent) for one person's cycle: the unique key makes it once per
-- person, cycle and kind, even with several nodes running the reminder pass at the same time.
CREATE TABLE assignment_reminder (
  id            CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id     CHAR(36)     NOT NULL,
  assignment_id CHAR(36)     NOT NULL,
  user_id       CHAR(36)     NOT NULL,
  cycle_number  INT          NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  sent_at       TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_assignment_reminder (assignment_id, user_id, cycle_number, kind),
  CONSTRAINT fk_assignment_reminder_assignment FOREIGN KEY (assignment_id)
    REFERENCES assignment (id) ON DELETE CASCADE,
  CONSTRAINT fk_assignment_reminder_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
