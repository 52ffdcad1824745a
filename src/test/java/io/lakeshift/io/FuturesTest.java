package io.lakeshift.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** A failure on another thread arrives as it was thrown there. */
class FuturesTest {
    private static <T> FutureTask<T> ran(java.util.concurrent.Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        task.run();
        return task;
    }

    @Test
    void givesTheValue() throws Exception {
        assertEquals("ok", Futures.get(ran(() -> "ok"), "testing"));
    }

    @Test
    void throwsTheWorksOwnExceptionUnwrapped() {
        FileNotFoundException io = new FileNotFoundException("gone");
        assertSame(io, assertThrows(FileNotFoundException.class, () -> Futures.get(ran(() -> {
            throw io;
        }), "testing")));
        IllegalStateException runtime = new IllegalStateException("bad state");
        assertSame(runtime, assertThrows(IllegalStateException.class, () -> Futures.get(ran(() -> {
            throw runtime;
        }), "testing")));
        StackOverflowError error = new StackOverflowError("deep");
        assertSame(error, assertThrows(StackOverflowError.class, () -> Futures.get(ran(() -> {
            throw error;
        }), "testing")));
        Exception other = new Exception("checked, not IO");
        IOException wrapped = assertThrows(IOException.class, () -> Futures.get(ran(() -> {
            throw other;
        }), "testing"));
        assertSame(other, wrapped.getCause());
    }

    @Test
    void anInterruptedWaitSaysWhatItWaitedForAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            InterruptedIOException e = assertThrows(InterruptedIOException.class,
                    () -> Futures.get(new CompletableFuture<String>(), "sending parts"));
            assertEquals("interrupted while sending parts", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
