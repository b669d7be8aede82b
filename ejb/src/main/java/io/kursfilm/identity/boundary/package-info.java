/** What the outside calls about people: authentication, the own profile, the users of a tenant. */
package io.kursfilm.identity.boundary;
