package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conf/lakeshift.properties documents every setting, with its real default, and nothing else. */
class ConfFileDocumentedTest {
    @Test
    void everyOptionIsDocumentedWithItsDefault() throws Exception {
        String text = Files.readString(Path.of("conf/lakeshift.properties"));
        Matcher m = Pattern.compile("(?m)^#([a-z0-9-]+)=(.*)$").matcher(text);
        Set<String> documented = new TreeSet<>();
        while (m.find()) {
            Option o = Option.byKey(m.group(1)).orElseThrow(() -> new AssertionError("unknown key " + m.group()));
            documented.add(o.key());
            if (o.defaultValue() != null) {
                assertEquals(o.defaultValue(), m.group(2), "documented default of " + o.key());
            }
        }
        Set<String> all = new TreeSet<>();
        for (Option o : Option.values()) {
            if (o != Option.CONF) {
                all.add(o.key());
            }
        }
        assertEquals(all, documented);
    }

    @Test
    void theOciConfigTemplateHasTheKeysTheSdkNeeds() throws Exception {
        String text = Files.readString(Path.of("oci-config-template/config"));
        for (String key : new String[] {"user=", "fingerprint=", "tenancy=", "region=", "key_file="}) {
            assertTrue(text.contains("\n" + key), key);
        }
    }
}
