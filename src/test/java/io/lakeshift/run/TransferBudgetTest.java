package io.lakeshift.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.Action;
import io.lakeshift.plan.PlannedFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --max-transfer is decided before any task starts: files that fit, in turns across partitions; no file cut. */
class TransferBudgetTest {
    private static PlannedFile file(String name, long size, Action action) {
        SourceFile s = new SourceFile("file:///lake/" + name, name, size, 0, null, null);
        return new PlannedFile(s, name, name, action, null, null, null);
    }

    private static PlannedFile copy(String name, long size) {
        return file(name, size, Action.COPY_NEW);
    }

    private static List<String> names(List<PlannedFile> files) {
        return files.stream().map(PlannedFile::relativePath).toList();
    }

    @Test
    void eachPartitionGetsItsTurnAndWhatDoesNotFitIsHeldBack() {
        List<List<PlannedFile>> partitions = List.of(
                List.of(copy("a1", 40), copy("a2", 40), copy("a3", 40)),
                List.of(copy("b1", 40), copy("b2", 40)));
        TransferBudget.Selection s = TransferBudget.select(partitions, 130);
        assertEquals(List.of("a1", "a2"), names(s.partitions().get(0)));
        assertEquals(List.of("b1"), names(s.partitions().get(1)));
        assertEquals(2, s.heldBack());
        assertEquals(80, s.heldBackBytes());
    }

    @Test
    void aFileLargerThanWhatIsLeftDoesNotStopSmallerOnesAfterIt() {
        List<List<PlannedFile>> partitions = List.of(List.of(copy("big", 500), copy("small", 10), copy("c", 95)));
        TransferBudget.Selection s = TransferBudget.select(partitions, 100);
        assertEquals(List.of("small"), names(s.partitions().get(0)));
        assertEquals(2, s.heldBack());
    }

    @Test
    void filesThatSendNothingAlwaysGoAndChecksCountAsCopies() {
        List<List<PlannedFile>> partitions = List.of(List.of(file("eq", 1000, Action.SKIP_EQUAL),
                file("check", 60, Action.CHECK), copy("new", 60), file("gone", 0, Action.DELETE)),
                List.of(copy("x", 1000)));
        TransferBudget.Selection s = TransferBudget.select(partitions, 100);
        assertEquals(List.of("eq", "check", "gone"), names(s.partitions().get(0)));
        assertEquals(1, s.partitions().size(), "a partition left with nothing is not run");
        assertEquals(2, s.heldBack());
        assertEquals(1060, s.heldBackBytes());
    }
}
