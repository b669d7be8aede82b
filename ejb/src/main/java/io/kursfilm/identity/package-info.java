/** Who is calling: users, roles, password and bearer-token authentication. */
package io.kursfilm.identity;
