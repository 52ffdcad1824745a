package io.lakeshift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void closeTyposAreSuggestedAndFarOnesAreNot() {
        List<String> keys = List.of("part-size", "partitions", "parallel-parts", "source");
        assertEquals(Optional.of("partitions"), Suggestions.closest("partition", keys));
        assertEquals(Optional.of("source"), Suggestions.closest("sourse", keys));
        assertEquals(Optional.empty(), Suggestions.closest("completely-different", keys));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
