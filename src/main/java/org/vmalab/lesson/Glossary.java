package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step labels lessons use for the kernel's order of work (S2 in the speculative fault, X1 in the erase ...),
 * each with what it does in words and the kernel function it is in. A label in learner text is a link to its card;
 * {@code validate} refuses a label that has no card.
 */
public final class Glossary {
    /** One label: what the step does, in words, and where. */
    public record Card(String label, String words, String function, String file) {
    }

    /** Anything that looks like a step label: a letter of S, G, K, X, D and a digit, or Ginc / Gun. */
    public static final Pattern LABEL = Pattern.compile("\\b(?:[SGKXD][0-9]|Ginc|Gun)\\b");

    private static final Map<String, Card> CARDS = new LinkedHashMap<>();

    private static void card(String label, String words, String function, String file) {
        CARDS.put(label, new Card(label, words, function, file));
    }

    static {
        String spf = "handle_speculative_fault";
        String mem = "mm/memory.c";
        card("S1", "The speculative fault looks its VMA up with get_vma, without mmap_sem, and holds a reference on "
                + "it. No VMA: fall back to the classic fault.", spf, mem);
        card("S2", "It reads the VMA's sequence count (vm_sequence). An odd count means a writer is changing the VMA "
                + "right now: give up and take the classic path.", spf, mem);
        card("S3", "It checks the VMA: anonymous (no vm_ops), with an anon_vma, not a stack, and containing the "
                + "address. Any doubt: give up.", spf, mem);
        card("S4", "It walks the page tables with interrupts off, and gives up if a level is missing.", spf, mem);
        card("S5", "It reads the sequence count again: if it moved since S2, a writer changed the VMA: give up.", spf,
                mem);
        card("S6", "It takes the page-table lock, and checks once more that the VMA was not erased (RB_EMPTY_NODE) "
                + "and that its sequence count did not move (vma_has_changed).", "pte_map_lock", mem);
        card("S7", "It installs the page-table entry and unlocks: the page is mapped.", "do_anonymous_page", mem);
        card("S8", "Success: it drops its reference with put_vma.", spf, mem);
        String gv = "get_vma";
        String mmap = "mm/mmap.c";
        card("G1", "get_vma takes mm_rb_lock for read; it spins while a writer holds it.", gv, mmap);
        card("G2", "get_vma loads the root of the tree and starts the walk (one node per step).", gv, mmap);
        card("Ginc", "get_vma takes a reference (atomic_inc of vm_ref_count) while the lock still keeps the VMA in "
                + "the tree.", gv, mmap);
        card("Gun", "get_vma releases mm_rb_lock and returns the VMA it holds a reference on.", gv, mmap);
        String link = "__vma_link_rb";
        card("K1", "Before the tree changes: the gap of the next VMA shrinks (vma_gap_update), or the new VMA is the "
                + "last one and highest_vm_end moves up.", link, mmap);
        card("K2", "The new VMA's vm_ref_count is set to 1: the mm's own reference.", link, mmap);
        card("K3", "write_lock of mm_rb_lock: from here the tree's shape may change; it spins while a reader walks.",
                link, mmap);
        card("K4", "rb_link_node hangs the new VMA into the tree as a red leaf.", link, mmap);
        card("K5", "The new node's rb_subtree_gap starts at 0.", link, mmap);
        card("K6", "The gap is propagated up from the new node, stopping where a value does not change.", link, mmap);
        card("K7", "The debug check of the gaps (validate_mm_rb).", link, mmap);
        card("K8", "The tree is rebalanced: colour flips and rotations (rb_insert_augmented).", link, mmap);
        card("K9", "write_unlock of mm_rb_lock: readers may walk the tree again.", link, mmap);
        String erase = "__vma_rb_erase";
        card("X1", "write_lock of mm_rb_lock before the erase; it spins while a reader walks.", erase, mmap);
        card("X2", "rb_erase_augmented takes the VMA out of the tree and rebalances it.", erase, mmap);
        card("X3", "write_unlock of mm_rb_lock: a release, which the patch counts on as its write barrier.", erase,
                mmap);
        card("X4", "RB_CLEAR_NODE marks the erased VMA: its parent pointer points to itself, so RB_EMPTY_NODE is "
                + "true from now on.", erase, mmap);
        String detach = "detach_vmas_to_be_unmapped";
        card("D1", "The first VMA to unmap loses its vm_prev: the victims' list is cut off at the front.", detach,
                mmap);
        card("D2", "Each victim is erased from the tree (X1 to X4) and map_count goes down.", detach, mmap);
        card("D3", "The VMA before the range now points to the first survivor (or the list ends).", detach, mmap);
        card("D4", "The survivor's vm_prev and gap are updated, or highest_vm_end moves down.", detach, mmap);
        card("D5", "The last victim's vm_next is cleared: the victims form a private list.", detach, mmap);
        card("D6", "vmacache_invalidate: every thread's cached VMA pointers become stale.", detach, mmap);
    }

    private Glossary() {
    }

    /** The card of {@code label}, or null. */
    public static Card card(String label) {
        return CARDS.get(label);
    }

    /** Every card, in the kernel's order. */
    public static List<Card> cards() {
        return List.copyOf(CARDS.values());
    }

    /** The label-like words of {@code text} that have no card (outside code spans). */
    public static List<String> unknownLabels(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LABEL.matcher(withoutCode(text));
        while (m.find()) {
            if (!CARDS.containsKey(m.group()) && !out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** {@code text} with its {@code `code`} spans blanked (same length). */
    static String withoutCode(String text) {
        StringBuilder b = new StringBuilder(text);
        boolean code = false;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '`') {
                code = !code;
            } else if (code) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }
}
