package io.kursfilm.quiz.boundary;

/**
 * A person submitted a passing attempt at the quiz of a video; fired inside the transaction of the
 * submission, so observers (the learning portal records a completion when the video was watched as
 * well) act in the same transaction and tenant. The quiz knows nobody who listens.
 */
public record QuizPassed(String tenantId, String userId, String videoId, String quizId) {}
