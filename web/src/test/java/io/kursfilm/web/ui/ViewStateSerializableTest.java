package io.kursfilm.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The app's sessions are distributable: Payara serialises them into the data grid, so a page's view
 * state survives the loss of its node only if every view-scoped bean serialises. A field of a type
 * that does not (a record without {@code Serializable}, an {@code Optional}) made Payara log
 * "Cannot serialize session attribute ...activeViewMaps" and drop the view on failover. Injected
 * fields are left out: normal-scoped and EJB references come back as serialisable proxies.
 */
class ViewStateSerializableTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kursfilm.web.ui");

  @Test
  void every_field_a_view_scoped_bean_keeps_serialises() {
    Set<String> problems = new TreeSet<>();
    int beans = 0;
    for (JavaClass bean : CLASSES) {
      if (!bean.isAnnotatedWith(ViewScoped.class)) {
        continue;
      }
      beans++;
      Class<?> type = bean.reflect();
      assertTrue(Serializable.class.isAssignableFrom(type), type + " is not Serializable");
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            || Modifier.isTransient(modifiers)
            || field.isAnnotationPresent(jakarta.inject.Inject.class)) {
          continue;
        }
        check(field.getGenericType(), type.getSimpleName() + "." + field.getName(), problems);
      }
    }
    assertTrue(beans > 20, "found the view-scoped beans: " + beans);
    assertEquals(Set.of(), problems);
  }

  private static void check(Type type, String where, Set<String> problems) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (raw == Optional.class) {
        problems.add(where + ": Optional does not serialise");
        return;
      }
      if (!(List.class.isAssignableFrom(raw)
          || Set.class.isAssignableFrom(raw)
          || Map.class.isAssignableFrom(raw))) {
        check(raw, where, problems);
      }
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(argument, where, problems);
      }
    } else if (type instanceof Class<?> plain) {
      if (plain.isPrimitive() || plain.isEnum()) {
        return;
      }
      if (!Serializable.class.isAssignableFrom(plain)) {
        problems.add(where + ": " + plain.getName());
        return;
      }
      if (plain.isRecord()) {
        for (var component : plain.getRecordComponents()) {
          check(component.getGenericType(), where + " > " + component.getName(), problems);
        }
      }
    }
  }
}
