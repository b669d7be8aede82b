/** Customer companies as the platform operator creates and lists them. */
package io.kursfilm.operator.boundary;
