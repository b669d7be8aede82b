package io.kursfilm.quiz.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The order an attempt shows questions and options in: shuffled once per attempt and the same on
 * every reload (seeded by the attempt), so resuming does not reshuffle under the employee's hands.
 * Not a secret: scoring never depends on it.
 */
public final class Shuffle {

  private Shuffle() {}

  /** Indices 0..n-1, shuffled by {@code seed} when {@code shuffle}, else in order. */
  public static List<Integer> order(int n, boolean shuffle, String seed) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    if (shuffle) {
      Collections.shuffle(order, new Random(seed.hashCode()));
    }
    return order;
  }
}
