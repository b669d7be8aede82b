/** Black-box tests of login protection, user administration, session control and elevation. */
package io.kursfilm.web.identity;
