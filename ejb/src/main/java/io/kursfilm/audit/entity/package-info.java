/** Audit entries, the chain head, the actions and the event value object other components build. */
package io.kursfilm.audit.entity;
