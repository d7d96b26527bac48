package dev.wedge.label.zpl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ZPL text into commands. Honours {@code ^CC}/{@code ~CC} and {@code ^CT}/{@code ~CT}, which change
 * the command prefixes, and ignores CR and LF as the printer does. Text outside any command is skipped.
 * Pure; thread-safe.
 */
public final class ZplLexer {

    private ZplLexer() {
    }

    /** The commands of {@code zpl} in order. */
    public static List<ZplCommand> commands(String zpl) {
        List<ZplCommand> commands = new ArrayList<>();
        char caret = '^';
        char tilde = '~';
        int i = 0;
        int n = zpl.length();
        while (i < n) {
            char c = zpl.charAt(i);
            if ((c != caret && c != tilde) || i + 1 >= n || zpl.charAt(i + 1) == caret || zpl.charAt(i + 1) == tilde) {
                // Not a command, or an empty one such as the first caret of "^^FO".
                i++;
                continue;
            }
            char prefix = c == caret ? '^' : '~';
            int nameEnd = nameEnd(zpl, i);
            String name = prefix + zpl.substring(i + 1, nameEnd).toUpperCase(java.util.Locale.ROOT);
            int end = nameEnd;
            if (isPrefixChange(name)) {
                end = Math.min(n, nameEnd + 1);
            }
            while (end < n && zpl.charAt(end) != caret && zpl.charAt(end) != tilde && !isPrefixChange(name)) {
                end++;
            }
            String params = stripLineBreaks(zpl.substring(nameEnd, end));
            commands.add(new ZplCommand(name, params));
            if ((name.equals("^CC") || name.equals("~CC")) && !params.isEmpty()) {
                caret = params.charAt(0);
            } else if ((name.equals("^CT") || name.equals("~CT")) && !params.isEmpty()) {
                tilde = params.charAt(0);
            }
            i = end;
        }
        return commands;
    }

    /** {@code ^CC}, {@code ^CT} and their tilde forms take exactly one character: the new prefix. */
    private static boolean isPrefixChange(String name) {
        return name.endsWith("CC") || name.endsWith("CT");
    }

    private static int nameEnd(String zpl, int prefixAt) {
        char first = Character.toUpperCase(zpl.charAt(prefixAt + 1));
        if (first == 'A' && (prefixAt + 2 >= zpl.length() || zpl.charAt(prefixAt + 2) != '@')) {
            return prefixAt + 2;
        }
        return Math.min(prefixAt + 3, zpl.length());
    }

    private static String stripLineBreaks(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r", "").replace("\n", "");
    }
}
