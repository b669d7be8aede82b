package io.kursfilm.transcoder.job;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;

/**
 * The transcode task in db-scheduler's queue: instance id = video id, data = tenant id as plain
 * text ({@link #serializer()}; every scheduler and client of the queue must use it). A failed
 * attempt is retried with exponential back-off up to {@code attempts} times; an execution whose
 * worker stopped sending heartbeats (crashed, killed) is revived and picked up by any worker.
 */
public final class TranscodeQueue {

  public static final String TASK = "transcode-video";

  private TranscodeQueue() {}

  /** The task as a worker runs it. */
  public static OneTimeTask<String> task(TranscodeJob job, int attempts, Duration backoff) {
    int retries = Math.max(0, attempts - 1);
    return Tasks.oneTime(TASK, String.class)
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                retries, new FailureHandler.ExponentialBackoffFailureHandler<>(backoff)))
        .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
        .execute(
            (instance, context) -> {
              boolean last = context.getExecution().consecutiveFailures >= retries;
              try {
                job.run(instance.getData(), instance.getId(), last);
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new AttemptFailedException(e);
              }
            });
  }

  /**
   * The task data's serializer: plain text, never Java serialization, which would let anyone who
   * can write the queue table run code on every node.
   */
  public static Serializer serializer() {
    return new PlainTextSerializer();
  }

  /** The task for clients that only enqueue (its handler is never run there). */
  public static OneTimeTask<String> descriptor() {
    return Tasks.oneTime(TASK, String.class)
        .execute(
            (instance, context) -> {
              throw new IllegalStateException("this node does not transcode");
            });
  }

  public static TaskInstance<String> instance(String tenantId, String videoId) {
    return new TaskInstance<>(TASK, videoId, tenantId);
  }

  /** One attempt failed; db-scheduler logs it and applies the back-off. */
  public static class AttemptFailedException extends RuntimeException {
    AttemptFailedException(Exception cause) {
      super("transcode attempt failed: " + cause.getClass().getSimpleName(), cause);
    }
  }
}
