package org.vmalab.engine.mm;

import org.vmalab.engine.memory.StateView;

/** The engine's tests read a console's raw words (not part of the face). */
public final class Consoles {
    private Consoles() {
    }

    public static StateView words(MmConsole mm) {
        return mm.state();
    }
}
