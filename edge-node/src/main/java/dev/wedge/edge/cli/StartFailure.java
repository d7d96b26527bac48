package dev.wedge.edge.cli;

/** Turns a failure to start a process into the one line a person at the console needs. */
final class StartFailure {

    private StartFailure() {
    }

    /** The innermost cause's message, with the outer message when it adds context. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootText = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root == e || e.getMessage() == null || e.getMessage().contains(rootText)) {
            return rootText;
        }
        return e.getMessage() + ": " + rootText;
    }
}
