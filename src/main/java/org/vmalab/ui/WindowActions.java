package org.vmalab.ui;

/**
 * What the menu's File and Explore items do: open and save runs, exports, the explorer. Each action runs on
 * the UI thread and hands slow work to a background thread.
 */
final class WindowActions {
    /** What a PNG shows: the whole window or one panel. */
    enum Target {
        WINDOW("window", "window"), TREE("tree", "tree"), STRIP("strip", "address space"),
        THREADS("threads", "threads");

        private final String id;
        private final String label;

        Target(String id, String label) {
            this.id = id;
            this.label = label;
        }

        String id() {
            return id;
        }

        String label() {
            return label;
        }
    }

    private final MainView view;

    WindowActions(MainView view) {
        this.view = view;
    }

    void openRun() {
        notYet("Open run");
    }

    void saveRun() {
        notYet("Save run");
    }

    void exportPngDialog() {
        notYet("Export PNG");
    }

    void exportPng(Target target, int scale) {
        notYet("Export PNG of the " + target.label());
    }

    void exportGif() {
        notYet("Export GIF");
    }

    void exportSequence() {
        notYet("Export PNG sequence");
    }

    void exportSvg() {
        notYet("Export SVG");
    }

    void explore() {
        notYet("Explore");
    }

    void abTable() {
        notYet("A/B table");
    }

    private void notYet(String what) {
        org.controlsfx.control.Notifications.create().title("VMA Lab").text(what + " is not available yet.")
                .owner(view.getScene() == null ? null : view.getScene().getWindow()).showInformation();
    }
}
