package io.kursfilm.storage.keys.kms;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Obtains a master {@link Aead} from a cloud KMS through Tink's {@link KmsClient} seam. The AWS and
 * GCP clients live in Tink's optional extension artifacts ({@code tink-awskms}, {@code
 * tink-gcpkms}), which pull in a cloud SDK each; Kursfilm does not ship them. A deployment that
 * uses a cloud KMS adds the one it needs to the application's classpath, and this class finds it by
 * name, so the default build stays free of cloud SDKs. Stateless.
 *
 * <p>To use AWS KMS, put {@code com.google.crypto.tink:tink-awskms} (1.11.0, about 10 MB of AWS SDK
 * v1, Jackson, Guava and HttpClient) and its dependencies next to the application, e.g. in the
 * EAR's {@code lib/} or the server's library directory, keeping Tink itself at the application's
 * version; for GCP KMS the same with {@code tink-gcpkms} (1.10.0, about 40 MB of Google Cloud and
 * gRPC libraries). Then configure {@code aws-kms://arn:...} or {@code gcp-kms://projects/...} and,
 * if the default credential chain does not apply, {@link MasterKeys#KMS_CREDENTIALS}.
 */
public final class KmsClientMasterKey {

  /** Key-URI prefix and client class of each known Tink KMS extension. */
  private enum Extension {
    AWS(
        "aws-kms://",
        "com.google.crypto.tink.integration.awskms.AwsKmsClient",
        "com.google.crypto.tink:tink-awskms"),
    GCP(
        "gcp-kms://",
        "com.google.crypto.tink.integration.gcpkms.GcpKmsClient",
        "com.google.crypto.tink:tink-gcpkms");

    final String prefix;
    final String clientClass;
    final String artifact;

    Extension(String prefix, String clientClass, String artifact) {
      this.prefix = prefix;
      this.clientClass = clientClass;
      this.artifact = artifact;
    }
  }

  private KmsClientMasterKey() {}

  /** Whether {@code keyUri} names a key of a KMS that this class knows an extension for. */
  public static boolean handles(String keyUri) {
    return extensionOf(keyUri).isPresent();
  }

  /**
   * The AEAD of the KMS key {@code keyUri}. A client registered with {@link KmsClients#add} wins
   * (that is how tests and exotic setups plug in); otherwise the extension's client is loaded from
   * the classpath.
   *
   * @param credentialsPath the KMS credentials file; empty means the SDK's default credential chain
   *     (instance role, workload identity, environment)
   */
  public static Aead aead(String keyUri, Optional<String> credentialsPath)
      throws GeneralSecurityException {
    KmsClient client;
    try {
      client = KmsClients.get(keyUri);
    } catch (GeneralSecurityException notRegistered) {
      client = load(keyUri);
    }
    return fromClient(client, keyUri, credentialsPath);
  }

  /** The generic adapter: any Tink {@link KmsClient} that supports {@code keyUri}. */
  public static Aead fromClient(KmsClient client, String keyUri, Optional<String> credentialsPath)
      throws GeneralSecurityException {
    if (!client.doesSupport(keyUri)) {
      throw new GeneralSecurityException("KMS client does not support the configured key URI");
    }
    KmsClient ready =
        credentialsPath.isPresent()
            ? client.withCredentials(credentialsPath.get())
            : client.withDefaultCredentials();
    return ready.getAead(keyUri);
  }

  private static KmsClient load(String keyUri) throws GeneralSecurityException {
    Extension extension =
        extensionOf(keyUri)
            .orElseThrow(() -> new GeneralSecurityException("no KMS extension for this key URI"));
    try {
      Class<?> type = Class.forName(extension.clientClass);
      // Both extensions offer a constructor that binds the client to one key URI.
      return (KmsClient) type.getConstructor(String.class).newInstance(keyUri);
    } catch (ClassNotFoundException e) {
      throw new GeneralSecurityException(
          "key URI "
              + extension.prefix
              + "... needs "
              + extension.artifact
              + " on the classpath (not shipped by default)");
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new GeneralSecurityException("cannot start the KMS client of " + extension.artifact, e);
    }
  }

  private static Optional<Extension> extensionOf(String keyUri) {
    for (Extension extension : Extension.values()) {
      if (keyUri != null && keyUri.startsWith(extension.prefix)) {
        return Optional.of(extension);
      }
    }
    return Optional.empty();
  }
}
