package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conf/lakeshift.properties documents every setting, with its real default and allowed words, and nothing else. */
class ConfFileDocumentedTest {
    /** Each documented key with the comment lines above it (back to the previous key or blank line). */
    private static Map<String, String> documented() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("conf/lakeshift.properties"));
        Map<String, String> keys = new LinkedHashMap<>();
        Pattern key = Pattern.compile("^#([a-z0-9-]+)=(.*)$");
        StringBuilder block = new StringBuilder();
        for (String line : lines) {
            Matcher m = key.matcher(line);
            if (m.matches()) {
                assertFalse(keys.containsKey(m.group(1)), "documented twice: " + m.group(1));
                keys.put(m.group(1), m.group(2) + "\n" + block);
            } else if (line.isBlank()) {
                block.setLength(0);
            } else {
                block.append(line).append('\n');
            }
        }
        return keys;
    }

    @Test
    void everyOptionIsDocumentedWithItsDefault() throws Exception {
        Map<String, String> docs = documented();
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, String> e : docs.entrySet()) {
            Option o = Option.byKey(e.getKey()).orElseThrow(() -> new AssertionError("unknown key " + e.getKey()));
            documented.add(o.key());
            String value = e.getValue().substring(0, e.getValue().indexOf('\n'));
            if (o.defaultValue() != null) {
                assertEquals(o.defaultValue(), value, "documented default of " + o.key());
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
    void eachChoiceIsDocumentedWithEveryWordItAccepts() throws Exception {
        Map<String, String> docs = documented();
        for (Option o : Option.values()) {
            for (String choice : o.choices()) {
                assertTrue(docs.get(o.key()).contains(choice), o.key() + " documents " + choice);
            }
        }
    }

    @Test
    void theRunIdIsDocumentedInTheFormatTheCodeUses() throws Exception {
        assertTrue(documented().get("run-id").contains(" " + RunIds.PATTERN + " "), documented().get("run-id"));
    }

    @Test
    void theOciConfigTemplateHasTheKeysTheSdkNeeds() throws Exception {
        String text = Files.readString(Path.of("oci-config-template/config"));
        for (String key : new String[] {"user=", "fingerprint=", "tenancy=", "region=", "key_file="}) {
            assertTrue(text.contains("\n" + key), key);
        }
    }
}
