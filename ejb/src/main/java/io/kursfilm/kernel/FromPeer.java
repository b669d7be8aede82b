package io.kursfilm.kernel;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An event that another node of the cluster fired and this node re-fires locally. Observers that
 * act on every change observe without a qualifier; the one that forwards changes to the other nodes
 * observes {@code @Default} only, so nothing travels back.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface FromPeer {

  /** For {@code Event.select}. */
  final class Literal extends AnnotationLiteral<FromPeer> implements FromPeer {
    public static final Literal INSTANCE = new Literal();
    private static final long serialVersionUID = 1L;
  }
}
