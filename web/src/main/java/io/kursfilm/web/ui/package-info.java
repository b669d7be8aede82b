/**
 * JSF view beans. They call boundaries and expose plain getters (Jakarta EL cannot read records);
 * they never touch entities.
 */
package io.kursfilm.web.ui;
