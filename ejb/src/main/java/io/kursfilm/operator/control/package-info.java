/** The demo tenants of docs/api.md, created at start-up when the demo seed is on. */
package io.kursfilm.operator.control;
