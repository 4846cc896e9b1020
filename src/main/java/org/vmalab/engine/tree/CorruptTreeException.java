package org.vmalab.engine.tree;

/**
 * Thrown when a kernel walk or rebalance cannot go on because a bug variant corrupted the tree (a cycle,
 * a missing sibling). The engine reports it as a violation of the thread's step and ends the operation.
 */
public final class CorruptTreeException extends RuntimeException {
    public CorruptTreeException(String message) {
        super(message, null, false, false);
    }
}
