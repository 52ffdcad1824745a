package io.lakeshift.secrets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything lakeshift prints or writes: error messages, the settings line, the migration
 * log. Two nets: every secret value the JVM has been told of (settings, Hadoop credentials) is replaced wherever it
 * appears, and anything shaped like a credential in a URL or a key=value pair (SAS {@code sig=}, {@code
 * password=}, {@code AccountKey=}, ...) is masked whatever its value.
 */
public final class Secrets {
    public static final String MASK = "****";
    /** Names of settings and Hadoop keys that hold secrets. */
    public static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|pass_phrase|passphrase|token|sas|credential|account\\.key|access\\.key"
                    + "|accountkey|private[._-]?key|signature).*");
    private static final Pattern SHAPED = Pattern.compile(
            "(?i)\\b(sig|signature|token|password|passwd|secret|secret[_-]?key|access[_-]?key|account[_-]?key"
                    + "|client[_-]?secret|sas|sv|se|sp|skoid|sktid)=([^&\\s\"',;]+)");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----");
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {}

    /** Remembers a secret value so it is masked wherever it would appear. Short values are not worth masking. */
    public static void register(String value) {
        if (value != null && value.length() >= 6) {
            KNOWN.add(value);
        }
    }

    /** Registers the values of the secret-looking keys of a Hadoop or Spark configuration. */
    public static void registerSecretKeys(Iterable<java.util.Map.Entry<String, String>> entries) {
        for (java.util.Map.Entry<String, String> e : entries) {
            if (SECRET_NAME.matcher(e.getKey()).matches()) {
                register(e.getValue());
            }
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : KNOWN) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        Matcher m = SHAPED.matcher(out);
        out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=" + MASK));
        return PEM.matcher(out).replaceAll(MASK);
    }
}
