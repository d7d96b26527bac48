package dev.wedge.scanner.gs1;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * GS1 date and time components: YYMMDD with the GS1 century rule, YYYYMMDD, HH, MI, SS and HHMI. Where the
 * dictionary says "yymmd0", a day of 00 stands for the last day of that month.
 */
public final class DateRules {

    private DateRules() {
    }

    static LintFailure yymmdd(String v, boolean zeroDayAllowed) {
        LintFailure shape = digits(v, 6, LintError.DATE_TOO_SHORT, LintError.DATE_TOO_LONG);
        return shape != null ? shape : monthDay(fullYear(twoDigits(v, 0), currentYear()), v, 2, zeroDayAllowed);
    }

    static LintFailure yyyymmdd(String v, boolean zeroDayAllowed) {
        LintFailure shape = digits(v, 8, LintError.DATE_TOO_SHORT, LintError.DATE_TOO_LONG);
        return shape != null ? shape : monthDay(Integer.parseInt(v.substring(0, 4)), v, 4, zeroDayAllowed);
    }

    private static volatile long yearCheckedAt;
    private static volatile int year = LocalDate.now().getYear();

    /** The current year, read from the clock at most once a minute: dates are checked on every scan. */
    private static int currentYear() {
        long now = System.currentTimeMillis();
        if (now - yearCheckedAt > 60_000) {
            year = LocalDate.now().getYear();
            yearCheckedAt = now;
        }
        return year;
    }

    private static int twoDigits(String v, int at) {
        return (v.charAt(at) - '0') * 10 + v.charAt(at + 1) - '0';
    }

    private static LintFailure monthDay(int year, String v, int at, boolean zeroDayAllowed) {
        int month = twoDigits(v, at);
        if (month < 1 || month > 12) {
            return new LintFailure(LintError.ILLEGAL_MONTH, at, at + 2);
        }
        int day = twoDigits(v, at + 2);
        if (day == 0 && zeroDayAllowed) {
            return null;
        }
        int lastDay = month == 2 ? (java.time.Year.isLeap(year) ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
        if (day < 1 || day > lastDay) {
            return new LintFailure(LintError.ILLEGAL_DAY, at + 2, at + 4);
        }
        return null;
    }

    static LintFailure hh(String v) {
        LintFailure shape = digits(v, 2, LintError.HOUR_TOO_SHORT, LintError.HOUR_TOO_LONG);
        if (shape != null) {
            return shape;
        }
        return Integer.parseInt(v) > 23 ? new LintFailure(LintError.ILLEGAL_HOUR, 0, 2) : null;
    }

    static LintFailure mi(String v) {
        LintFailure shape = digits(v, 2, LintError.MINUTE_TOO_SHORT, LintError.MINUTE_TOO_LONG);
        if (shape != null) {
            return shape;
        }
        return Integer.parseInt(v) > 59 ? new LintFailure(LintError.ILLEGAL_MINUTE, 0, 2) : null;
    }

    static LintFailure ss(String v) {
        LintFailure shape = digits(v, 2, LintError.SECOND_TOO_SHORT, LintError.SECOND_TOO_LONG);
        if (shape != null) {
            return shape;
        }
        return Integer.parseInt(v) > 59 ? new LintFailure(LintError.ILLEGAL_SECOND, 0, 2) : null;
    }

    static LintFailure hhmi(String v) {
        LintFailure shape = digits(v, 4, LintError.HOUR_WITH_MINUTE_TOO_SHORT, LintError.HOUR_WITH_MINUTE_TOO_LONG);
        if (shape != null) {
            return shape;
        }
        if (Integer.parseInt(v.substring(0, 2)) > 23) {
            return new LintFailure(LintError.ILLEGAL_HOUR, 0, 2);
        }
        return Integer.parseInt(v.substring(2)) > 59 ? new LintFailure(LintError.ILLEGAL_MINUTE, 2, 4) : null;
    }

    private static LintFailure digits(String v, int length, LintError tooShort, LintError tooLong) {
        int bad = CharSet.NUMERIC.firstInvalid(v);
        if (bad >= 0) {
            return new LintFailure(LintError.NON_DIGIT_CHARACTER, bad, bad + 1);
        }
        if (v.length() < length) {
            return new LintFailure(tooShort, 0, v.length());
        }
        if (v.length() > length) {
            return new LintFailure(tooLong, 0, v.length());
        }
        return null;
    }

    /**
     * The four-digit year for a two-digit GS1 year, by the sliding window of the GS1 General Specifications:
     * up to 49 years ahead, otherwise up to 50 years back from {@code currentYear}.
     */
    public static int fullYear(int yy, int currentYear) {
        int century = currentYear / 100 * 100;
        int diff = yy - currentYear % 100;
        if (diff >= 51) {
            return century - 100 + yy;
        }
        if (diff <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /**
     * The calendar date of a valid YYMMDD value; a day of 00 gives the last day of the month.
     *
     * @throws IllegalArgumentException if the value is not a possible date
     */
    public static LocalDate toDate(String yymmdd, int currentYear) {
        if (yymmdd == null || !yymmdd.matches("\\d{6}")) {
            throw new IllegalArgumentException("date '" + yymmdd + "' is not six digits YYMMDD");
        }
        int year = fullYear(Integer.parseInt(yymmdd.substring(0, 2)), currentYear);
        YearMonth ym = YearMonth.of(year, Integer.parseInt(yymmdd.substring(2, 4)));
        int day = Integer.parseInt(yymmdd.substring(4));
        return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
    }
}
