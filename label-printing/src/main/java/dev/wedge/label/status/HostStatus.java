package dev.wedge.label.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A printer's answer to {@code ~HS}: three lines, each {@code STX fields ETX CR LF}, as the ZPL II manual
 * describes them.
 *
 * <pre>
 * line 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l   communication settings, paper out, pause, label length in dots,
 *                                           formats in receive buffer, buffer full, diagnostic mode,
 *                                           partial format, unused, corrupt RAM, under temp, over temp
 * line 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www   function settings, unused, head up, ribbon out, thermal transfer,
 *                                           print mode, print width mode, label waiting, labels remaining,
 *                                           format while printing, graphics stored
 * line 3: xxxx,y                            password, static RAM installed
 * </pre>
 *
 * @param paperOut        line 1 field b
 * @param paused          line 1 field c
 * @param labelLength     line 1 field dddd, dots
 * @param formatsInBuffer line 1 field eee
 * @param bufferFull      line 1 field f
 * @param headOpen        line 2 field o (head up)
 * @param ribbonOut       line 2 field p
 * @param labelsRemaining line 2 field uuuuuuuu, labels remaining in the batch
 */
public record HostStatus(boolean paperOut, boolean paused, int labelLength, int formatsInBuffer,
                         boolean bufferFull, boolean headOpen, boolean ribbonOut, int labelsRemaining) {

    public static final char STX = '\u0002';
    public static final char ETX = '\u0003';

    public HostStatus {
        if (labelLength < 0 || labelLength > 9999) {
            throw new IllegalArgumentException("host status label length " + labelLength + " is not 0-9999");
        }
        if (formatsInBuffer < 0 || formatsInBuffer > 999) {
            throw new IllegalArgumentException("host status formats in buffer " + formatsInBuffer + " is not 0-999");
        }
        if (labelsRemaining < 0 || labelsRemaining > 99_999_999) {
            throw new IllegalArgumentException("host status labels remaining " + labelsRemaining + " is not 0-99999999");
        }
    }

    /** A printer with no fault and nothing waiting, for the given label length. */
    public static HostStatus ready(int labelLength) {
        return new HostStatus(false, false, labelLength, 0, false, false, false, 0);
    }

    /** True when nothing stops the printer from printing. */
    public boolean isReady() {
        return faults().isEmpty();
    }

    /** True when the printer has printed everything it was sent. */
    public boolean isIdle() {
        return formatsInBuffer == 0 && labelsRemaining == 0;
    }

    /** The conditions that stop printing, most urgent first; empty when ready. */
    public List<Condition> faults() {
        List<Condition> faults = new ArrayList<>();
        if (headOpen) {
            faults.add(Condition.HEAD_OPEN);
        }
        if (paperOut) {
            faults.add(Condition.PAPER_OUT);
        }
        if (ribbonOut) {
            faults.add(Condition.RIBBON_OUT);
        }
        if (paused) {
            faults.add(Condition.PAUSED);
        }
        if (bufferFull) {
            faults.add(Condition.BUFFER_FULL);
        }
        return faults;
    }

    /** A condition reported in the host status that stops printing. */
    public enum Condition { HEAD_OPEN, PAPER_OUT, RIBBON_OUT, PAUSED, BUFFER_FULL }

    /** The reply as a printer sends it (three STX..ETX CR LF lines). */
    public String toReply() {
        String line1 = String.format(Locale.ROOT, "030,%d,%d,%04d,%03d,%d,0,0,000,0,0,0",
                bit(paperOut), bit(paused), labelLength, formatsInBuffer, bit(bufferFull));
        String line2 = String.format(Locale.ROOT, "001,0,%d,%d,0,2,4,0,%08d,1,000",
                bit(headOpen), bit(ribbonOut), labelsRemaining);
        return STX + line1 + ETX + "\r\n" + STX + line2 + ETX + "\r\n" + STX + "1234,0" + ETX + "\r\n";
    }

    /**
     * True once {@code text} holds three complete lines (three ETX characters). The CR LF after each is not
     * waited for: printers differ in their line ends, and whatever follows is discarded before the next query.
     */
    public static boolean isComplete(String text) {
        return text.chars().filter(c -> c == ETX).count() >= 3;
    }

    /**
     * Parses a {@code ~HS} reply.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static HostStatus parse(String reply) {
        List<String[]> lines = lines(reply);
        String[] a = lines.get(0);
        String[] b = lines.get(1);
        if (a.length != 12 || b.length != 11 || lines.get(2).length != 2) {
            throw new IllegalArgumentException("host status reply has " + a.length + ", " + b.length + " and "
                    + lines.get(2).length + " fields instead of 12, 11 and 2: '" + printable(reply) + "'");
        }
        return new HostStatus(flag(a[1], "paper out"), flag(a[2], "pause"), number(a[3], "label length"),
                number(a[4], "formats in buffer"), flag(a[5], "buffer full"), flag(b[2], "head up"),
                flag(b[3], "ribbon out"), number(b[8], "labels remaining"));
    }

    private static List<String[]> lines(String reply) {
        List<String[]> lines = new ArrayList<>();
        int from = 0;
        while (lines.size() < 3) {
            int stx = reply.indexOf(STX, from);
            int etx = stx < 0 ? -1 : reply.indexOf(ETX, stx);
            if (etx < 0) {
                throw new IllegalArgumentException("host status reply has " + lines.size()
                        + " complete STX..ETX lines instead of 3: '" + printable(reply) + "'");
            }
            lines.add(reply.substring(stx + 1, etx).split(",", -1));
            from = etx + 1;
        }
        return lines;
    }

    private static boolean flag(String s, String what) {
        return switch (s.trim()) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("host status " + what + " flag '" + s + "' is not 0 or 1");
        };
    }

    private static int number(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("host status " + what + " '" + s + "' is not a number", e);
        }
    }

    private static String printable(String s) {
        return s.replace(String.valueOf(STX), "<STX>").replace(String.valueOf(ETX), "<ETX>")
                .replace("\r", "<CR>").replace("\n", "<LF>");
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }
}
