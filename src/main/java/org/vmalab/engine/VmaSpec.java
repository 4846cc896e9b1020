package org.vmalab.engine;

/**
 * A VMA of a scenario's initial layout.
 *
 * @param hasOps  a file (or special) mapping: vm_ops and vm_file are set
 * @param anonVma the anon_vma id (0 = none yet)
 */
public record VmaSpec(String name, long start, long end, long flags, boolean hasOps, long anonVma) {
    public boolean growsDown() {
        return (flags & Const.VM_GROWSDOWN) != 0;
    }
}
