-- The reminder rows become the queue their mails go out from (a transactional outbox): the pass
-- inserts a row unsent, and every node's sender (learning.control.ReminderMails) locks due rows
-- with FOR UPDATE SKIP LOCKED, mails them and marks them sent, or pushes the next attempt back
-- after a failed mail. The rows of before V28 were mailed (or lost) by the old after-commit path
-- and keep their sent_at: nothing is sent again after the upgrade.
ALTER TABLE assignment_reminder
  MODIFY sent_at       TIMESTAMP(6) NULL DEFAULT NULL,
  ADD attempts         INT          NOT NULL DEFAULT 0,
  ADD next_attempt_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  ADD KEY ix_assignment_reminder_due (sent_at, next_attempt_at);
