package io.lakeshift.emulator.storage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {
    @Test
    void orderIsUtf8ByteOrder() {
        Random random = new Random(7);
        int[] pool = {'a', 'z', '/', '0', 0xE9, 0x4E2D, 0xFFFD, 0xE000, 0x1F600, 0x10348};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(4) + 1; j > 0; j--) {
                sb.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            names.add(sb.toString());
        }
        List<String> byNames = new ArrayList<>(names);
        byNames.sort(Names.ORDER);
        List<String> byBytes = new ArrayList<>(names);
        byBytes.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        assertEquals(byBytes, byNames);
    }

    @Test
    void successorBoundsAllNamesWithThePrefix() {
        String next = Names.successor("dir/");
        assertTrue(Names.compare("dir/\uFFFF\uD83D\uDE00", next) < 0);
        assertTrue(Names.compare("dir0", next) >= 0);
    }
}
