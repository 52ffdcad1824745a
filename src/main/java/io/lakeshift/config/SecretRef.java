package io.lakeshift.config;


import java.io.Serializable;

/**
 * Where a secret setting's value comes from, as written in the setting: {@code env:VARIABLE} (an environment
 * variable of the driver), {@code oci-vault:ocid1.vaultsecret...} (a secret in OCI Vault, read with the run's OCI
 * sign-in), or anything else, taken literally. Holds no resolved value; a literal never appears in
 * {@link #toString()} or {@link #describe()}.
 *
 * @param kind where the value comes from
 * @param reference the variable name, the secret OCID, or the literal value
 * @param setting the option that gave it, e.g. {@code s3-secret-key}, for error messages
 */
public record SecretRef(Kind kind, String reference, String setting) implements Serializable {
    public static final String ENV_PREFIX = "env:";
    public static final String VAULT_PREFIX = "oci-vault:";

    public enum Kind { LITERAL, ENV, OCI_VAULT }

    /** Reads a setting's value; null or blank gives null. */
    public static SecretRef parse(String value, Option setting) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith(ENV_PREFIX)) {
            String name = v.substring(ENV_PREFIX.length());
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw ConfigException.badValue(setting, null, "'" + name + "' is not an environment variable name",
                        "give env:NAME, NAME of letters, digits and '_'");
            }
            return new SecretRef(Kind.ENV, name, setting.key());
        }
        if (v.startsWith(VAULT_PREFIX)) {
            String ocid = v.substring(VAULT_PREFIX.length());
            if (!ocid.startsWith("ocid1.vaultsecret.")) {
                throw ConfigException.badValue(setting, null, "'" + ocid + "' is not the OCID of a Vault secret",
                        "give oci-vault:ocid1.vaultsecret.<realm>.<region>..<id>");
            }
            return new SecretRef(Kind.OCI_VAULT, ocid, setting.key());
        }
        return new SecretRef(Kind.LITERAL, value, setting.key());
    }

    /** Where the value comes from, safe to print: never the literal itself. */
    public String describe() {
        return switch (kind) {
            case LITERAL -> "--" + setting + " (a value given in the settings)";
            case ENV -> "--" + setting + " (environment variable " + reference + ")";
            case OCI_VAULT -> "--" + setting + " (OCI Vault secret " + reference + ")";
        };
    }

    @Override
    public String toString() {
        return kind == Kind.LITERAL ? "SecretRef[" + setting + "=****]" : "SecretRef[" + setting + "=" + kind.name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + reference + "]";
    }
}
