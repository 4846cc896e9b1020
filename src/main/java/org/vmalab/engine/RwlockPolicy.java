package org.vmalab.engine;

/** The two rwlock implementations of SEMANTICS 4.2. */
public enum RwlockPolicy {
    /** qrwlock (x86, arm64): a waiting writer makes new readers queue; bounded wait. */
    QUEUED,
    /** The simple reader-preferring rwlock (powerpc in v4.15): a writer spins while any reader is inside. */
    READER_PREF
}
