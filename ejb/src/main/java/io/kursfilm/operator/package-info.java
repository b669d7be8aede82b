/**
 * The platform operator's use cases that span components: creating a customer company with its
 * first admin (tenant + identity) and the demo seed. Sits above the components it orchestrates, so
 * none of them needs to know another's internals.
 */
package io.kursfilm.operator;
