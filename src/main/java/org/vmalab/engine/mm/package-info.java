/**
 * The address space: mm/mmap.c (vma_link, __vma_rb_erase, munmap and split, __vma_adjust, vma_merge, mmap,
 * brk, the gap searches, find_vma with the vmacache) as it stands with the patch, and the reader side
 * (get_vma, the speculative fault) written as steps. Kernel code runs against a {@link org.vmalab.engine.mm.Kx}
 * context: straight through ({@link org.vmalab.engine.mm.FastKx}) or captured into a writer's plan
 * ({@link org.vmalab.engine.mm.Planner}). {@link org.vmalab.engine.mm.Op} is a thread's operation.
 *
 * <p>May import: the other engine packages. Nothing outside the engine.
 */
package org.vmalab.engine.mm;
