-- When the tenant's admins last switched anonymisation of quiz results on or off: shown to trainers
-- with the results, so switching it off for a moment does not go unnoticed.
ALTER TABLE tenant ADD COLUMN anonymise_changed_at TIMESTAMP(6) NULL;

-- Quizzes on videos and the attempts of employees. A quiz is versioned with its video: each save is
-- a new quiz (number n+1 of the video) that a video version carries and a critic approves with it.
-- Quiz texts and answers are tenant content: sealed under the tenant's key, bound to their row.
CREATE TABLE quiz (
  id          CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id   CHAR(36)     NOT NULL,
  video_id    CHAR(36)     NOT NULL,
  number      INT          NOT NULL,
  -- the sealed definition: questions, options, right answers, feedback, rules
  definition  MEDIUMTEXT   NOT NULL,
  created_by  CHAR(36)     NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  UNIQUE KEY uq_quiz_number (video_id, number),
  CONSTRAINT fk_quiz_video FOREIGN KEY (video_id) REFERENCES video (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One attempt of one employee; numbered per quiz and person, so two submitted at once cannot both
-- be attempt n (the second fails on the key and is refused).
CREATE TABLE quiz_attempt (
  id           CHAR(36)     NOT NULL PRIMARY KEY,
  tenant_id    CHAR(36)     NOT NULL,
  quiz_id      CHAR(36)     NOT NULL,
  user_id      CHAR(36)     NOT NULL,
  number       INT          NOT NULL,
  -- the sealed answers so far (a list of option-index lists, one per question)
  answers      MEDIUMTEXT,
  score        INT,
  passed       BOOLEAN,
  started_at   TIMESTAMP(6) NOT NULL,
  submitted_at TIMESTAMP(6),
  version      BIGINT       NOT NULL DEFAULT 0,
  UNIQUE KEY uq_quiz_attempt_number (quiz_id, user_id, number),
  INDEX ix_quiz_attempt_quiz (tenant_id, quiz_id, submitted_at),
  CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
