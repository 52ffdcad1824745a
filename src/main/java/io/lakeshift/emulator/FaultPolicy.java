package io.lakeshift.emulator;

import java.io.IOException;

/**
 * A hook consulted once per request, after routing and before authentication, so tests can make the emulator
 * misbehave (throttle, fail, stall, drop connections). The default does nothing.
 */
@FunctionalInterface
public interface FaultPolicy {
    FaultPolicy NONE = request -> false;

    /**
     * @return true when the policy answered (or dropped) the request itself and normal handling must not run;
     *         it may also just delay and return false
     */
    boolean intercept(FaultRequest request) throws IOException;
}
