/**
 * Who is calling: users, roles, password and bearer-token authentication, and single sign-on
 * through each tenant's own OpenID Connect provider.
 */
package io.kursfilm.identity;
