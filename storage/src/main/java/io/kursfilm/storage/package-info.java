/**
 * The vault of Kursfilm: every byte a tenant gives us is stored through this module, and every key
 * that protects those bytes is managed here. Plain Java, so it can run in the app server and in the
 * standalone transcoder worker alike.
 */
package io.kursfilm.storage;
