package io.lakeshift.secrets;


import io.lakeshift.config.ConfigException;
import io.lakeshift.config.SecretRef;
import java.util.Map;

/**
 * Turns {@link SecretRef}s into {@link Secret}s, once, on the driver: a literal as it is, {@code env:NAME} from
 * the driver's environment, {@code oci-vault:OCID} through OCI Vault. Errors name the setting and where the
 * value was looked for, never a value.
 */
public final class SecretResolver {
    /** Reads one secret's content from OCI Vault. */
    public interface VaultReader {
        /**
         * @param secretOcid the secret's OCID
         * @return the current version's content, decoded
         * @throws SecretException naming the secret when it cannot be read
         */
        String read(String secretOcid) throws SecretException;
    }

    private final Map<String, String> environment;
    private final VaultReader vault;

    public SecretResolver(Map<String, String> environment, VaultReader vault) {
        this.environment = environment;
        this.vault = vault;
    }

    /** The resolved value, or null for a null reference. */
    public Secret resolve(SecretRef ref) throws SecretException {
        if (ref == null) {
            return null;
        }
        String value = switch (ref.kind()) {
            case LITERAL -> ref.reference();
            case ENV -> {
                String v = environment.get(ref.reference());
                if (v == null || v.isEmpty()) {
                    throw new ConfigException("--" + ref.setting() + ": environment variable " + ref.reference()
                            + " is not set");
                }
                yield v;
            }
            case OCI_VAULT -> {
                String v = vault.read(ref.reference());
                if (v == null || v.isEmpty()) {
                    throw new SecretException("OCI Vault secret " + ref.reference() + " (--" + ref.setting()
                            + ") is empty");
                }
                yield v.strip();
            }
        };
        return new Secret(value);
    }

    /** An environment variable of the driver, or null. */
    public String env(String name) {
        String v = environment.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
