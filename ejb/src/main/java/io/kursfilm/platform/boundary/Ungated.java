package io.kursfilm.platform.boundary;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tenant keys and sealed objects <em>without</em> the tenant gate. Only the offboarding export
 * job may use them (an architecture test enforces it): it must seal the export's parts and its
 * checkpoint while the tenant is OFFBOARDING, when the gate refuses every other writer. Everything
 * else goes through the gated default beans.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Ungated {}
