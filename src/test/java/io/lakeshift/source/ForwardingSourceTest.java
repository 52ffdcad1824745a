package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decorators' base passes every {@link Source} method on, with its arguments and its answer: a method it did
 * not would fall back to the interface's default in every decorator (paced reads, inventories, staged rewrites).
 */
class ForwardingSourceTest {
    private final List<String> calls = new ArrayList<>();
    private final Object answer = new Object();

    @Test
    void passesOnEveryMethodWithItsArgumentsAndAnswer() throws Exception {
        Source recorder = (Source) Proxy.newProxyInstance(Source.class.getClassLoader(), new Class<?>[] {Source.class},
                (proxy, m, args) -> {
                    calls.add(m.getName() + Arrays.toString(m.getParameterTypes()) + Arrays.toString(args == null ? new Object[0] : args));
                    return answerFor(m.getReturnType());
                });
        Source forwarding = new ForwardingSource(recorder) { };
        for (Method m : sourceMethods()) {
            calls.clear();
            Object[] args = argumentsFor(m);
            Object result;
            try {
                result = m.invoke(forwarding, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(m.getName() + " failed instead of passing on", e.getCause());
            }
            assertEquals(List.of(m.getName() + Arrays.toString(m.getParameterTypes()) + Arrays.toString(args)), calls,
                    "ForwardingSource does not pass on " + m);
            if (m.getReturnType() != void.class) {
                assertEquals(answerFor(m.getReturnType()), result, m.getName() + "'s answer");
            }
        }
    }

    @Test
    void everySourceMethodIsDeclaredByTheBase() {
        List<String> missing = sourceMethods().stream().filter(m -> !declared(m)).map(Method::getName).toList();
        assertTrue(missing.isEmpty(), "ForwardingSource does not declare " + missing);
    }

    @Test
    void anInventoryIsNeverListedInPartsEvenOverASourceThatCouldBe() {
        Source parts = new ForwardingSource(null) {
            @Override
            public boolean listsInParts() {
                return true;
            }
        };
        assertFalse(new ListedSource(parts, sink -> { }, "the inventory is older than the source").listsInParts());
    }

    private static List<Method> sourceMethods() {
        return Arrays.stream(Source.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
    }

    private static boolean declared(Method m) {
        try {
            ForwardingSource.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Distinct, recognisable arguments, so that a swapped or dropped one shows. */
    private static Object[] argumentsFor(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = t == long.class ? (Object) (long) (i + 7) : t == int.class ? (Object) (i + 3)
                    : t == String.class ? "arg" + i : null;
        }
        return args;
    }

    private Object answerFor(Class<?> type) {
        if (type == boolean.class) {
            return true;
        }
        if (type == int.class) {
            return 42;
        }
        if (type == long.class) {
            return 43L;
        }
        if (type == String.class) {
            return "answer";
        }
        return type == void.class || !type.isInstance(answer) ? null : answer;
    }
}
