/** The tenant (customer company) and its lifecycle. */
package io.kursfilm.tenant.entity;
