package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.TenantSso;
import io.kursfilm.storage.field.FieldCipher;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenants' SSO settings: found by tenant id only, the client secret sealed under the tenant key and
 * opened only to talk to the provider. Also knows the one redirect URI every provider is given.
 */
@Dependent
public class TenantSsoStore {

  static final String SECRET_FIELD = "sso.client-secret";

  /** Path of the callback, relative to {@code kursfilm.base-url}. */
  public static final String CALLBACK_PATH = "sso/callback";

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject FieldCipher cipher;

  @Inject
  @ConfigProperty(name = "kursfilm.base-url")
  String baseUrl;

  public Optional<TenantSso> find(String tenantId) {
    return Optional.ofNullable(tenantId == null ? null : em.find(TenantSso.class, tenantId));
  }

  /**
   * The settings of the tenant, new when it has none yet: then {@link #save} it once configured
   * (its sealed columns are sealed when it is persisted, so not before it holds its values).
   */
  public TenantSso findOrNew(String tenantId) {
    return find(tenantId).orElseGet(() -> new TenantSso(tenantId));
  }

  /** Persists settings made by {@link #findOrNew}; loaded ones are written on commit anyway. */
  public void save(TenantSso sso) {
    if (!em.contains(sso)) {
      em.persist(sso);
    }
  }

  public String seal(String tenantId, String clientSecret) {
    return cipher.encrypt(tenantId, SECRET_FIELD, clientSecret);
  }

  public String clientSecret(TenantSso sso) {
    return cipher.decrypt(sso.tenantId(), SECRET_FIELD, sso.clientSecretSealed());
  }

  /**
   * The redirect URI registered at every tenant's provider: built from the configured public
   * address, never from a request's Host header.
   */
  public URI redirectUri() {
    return URI.create((baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + CALLBACK_PATH);
  }
}
