package io.lakeshift.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakeshift.source.Source;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paced source is a decorator: a Source method it does not pass on would silently fall back to the default. */
class ThrottledSourceTest {
    @Test
    void passesOnEverySourceMethod() {
        List<String> missing = Arrays.stream(Source.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(m))
                .map(Method::getName)
                .toList();
        assertTrue(missing.isEmpty(), "ThrottledSource does not pass on " + missing);
    }

    private static boolean declares(Method m) {
        try {
            ThrottledSource.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
