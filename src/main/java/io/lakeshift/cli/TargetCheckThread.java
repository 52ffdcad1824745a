package io.lakeshift.cli;

import io.lakeshift.config.MigrationConfig;
import io.lakeshift.io.Retry;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.run.JobException;
import io.lakeshift.run.MigrationRun;
import io.lakeshift.io.Futures;
import java.io.IOException;
import java.util.concurrent.FutureTask;

/**
 * The target check (sign-in, namespace, bucket) on its own thread while Spark starts: each takes seconds, mostly
 * class loading (the OCI SDK's Jersey and Jackson; Spark's), and neither needs the other, so on two cores they
 * overlap. {@link #await} throws what the check threw, before the run lists, plans or writes anything.
 */
final class TargetCheckThread {
    private final FutureTask<TargetLocation> task;

    private TargetCheckThread(FutureTask<TargetLocation> task) {
        this.task = task;
    }

    static TargetCheckThread start(MigrationConfig config, Retry retry) {
        FutureTask<TargetLocation> task = new FutureTask<>(() -> MigrationRun.checkTarget(config, retry));
        Thread t = new Thread(task, "lakeshift-target-check");
        t.setDaemon(true); // a failed Spark start must not wait for it
        t.start();
        return new TargetCheckThread(task);
    }

    /**
     * Waits for the check and returns the target it resolved (the run does not ask again); its exception (a
     * JobException, a ConfigException, ...) is thrown as it was.
     */
    TargetLocation await() {
        try {
            return Futures.get(task, "checking the target");
        } catch (IOException e) {
            throw new JobException(e.getMessage(), e);
        }
    }
}
