package org.culturekit.export;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.culturekit.input.Excerpt;

/**
 * The latest submit time among the rows an export scored, read from the platform's timestamp column
 * ({@link Platform#timestampColumns()}), so a report can carry the date of its data rather than of the day it ran.
 *
 * <ul>
 *   <li>Read: year first ({@code 2026-04-20 08:06:45}, {@code 2024-10-09T11:02:00}, {@code 2022/06/22 11:07:29 AM
 *       AST}); month or day first with slashes ({@code 4/20/2026 8:06:45}, {@code 04/22/2026 08:17:56 AM},
 *       {@code 3/18/20 18:42}); day first with dots ({@code 20.04.2026 08:06}). Seconds, a 12-hour clock, a
 *       fraction and a zone name or offset are optional; the zone is ignored, as the date is the one the export
 *       shows.
 *   <li>Slashed dates are month first, as the platforms write them by default, unless a first number above 12
 *       shows the file is day first. A file with both is unreadable.
 *   <li>A blank cell is no time; a cell that is not a time makes the export's time unknown (never an error:
 *       scoring does not need it), and the first such cell is named.
 *   <li>Each row costs a scan of its cell and a few comparisons, no object: the reading is on the hot path.
 * </ul>
 */
public final class ResponseTimes {
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** Times whose reading is certain (year first, or day first with dots), as yyyyMMddHHmmss; −1 for none. */
    private long certain = -1;
    /** Slashed times read month first, and read day first. */
    private long monthFirst = -1;
    private long dayFirst = -1;
    /** Whether a slashed time showed it cannot be month first (a first number above 12), or day first. */
    private boolean notMonthFirst;
    private boolean notDayFirst;
    /** The first cell that is not a time, and its line; null for none. */
    private String unreadable;
    private long unreadableLine;

    /**
     * What an export's, or a run's, timestamps say.
     *
     * @param latest the latest submit time, if every timestamp could be read and there was one
     * @param problem why there is none though there is a timestamp column (a cell that is not a time), or empty
     */
    public record Latest(Optional<LocalDateTime> latest, String problem) {
        public static final Latest NONE = new Latest(Optional.empty(), "");

        public Latest {
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(problem, "problem");
        }

        /** Both exports' together: the later time, or the first problem. */
        public Latest and(Latest other) {
            if (!problem.isEmpty() || !other.problem.isEmpty()) {
                return problem.isEmpty() ? other : this;
            }
            if (latest.isEmpty() || other.latest.isPresent() && other.latest.get().isAfter(latest.get())) {
                return other;
            }
            return this;
        }
    }

    /** Takes in the timestamp cell of a scored row on {@code line}. */
    void add(String cell, long line) {
        int length = cell.length();
        int i = 0;
        while (i < length && cell.charAt(i) == ' ') {
            i++;
        }
        if (i == length) {
            return;
        }
        if (!read(cell, i, length)) {
            noteUnreadable(cell, line);
        }
    }

    private void noteUnreadable(String cell, long line) {
        if (unreadable == null || line < unreadableLine) {
            unreadable = cell;
            unreadableLine = line;
        }
    }

    /** Adds another part of the same export, read on another thread. */
    void merge(ResponseTimes other) {
        certain = Math.max(certain, other.certain);
        monthFirst = Math.max(monthFirst, other.monthFirst);
        dayFirst = Math.max(dayFirst, other.dayFirst);
        notMonthFirst |= other.notMonthFirst;
        notDayFirst |= other.notDayFirst;
        if (other.unreadable != null) {
            noteUnreadable(other.unreadable, other.unreadableLine);
        }
    }

    /** The export's latest time, or why it has none. */
    Latest latest(String file) {
        if (unreadable != null) {
            return new Latest(Optional.empty(), file + ":" + unreadableLine + ": the response time "
                    + Excerpt.of(unreadable.strip()) + " is not a date and time culturekit reads");
        }
        if (notMonthFirst && notDayFirst) {
            return new Latest(Optional.empty(), file + ": its response times mix month-first and day-first dates");
        }
        long latest = Math.max(certain, notMonthFirst ? dayFirst : monthFirst);
        if (latest < 0) {
            return Latest.NONE;
        }
        return new Latest(Optional.of(LocalDateTime.of((int) (latest / 10_000_000_000L),
                (int) (latest / 100_000_000 % 100), (int) (latest / 1_000_000 % 100), (int) (latest / 10_000 % 100),
                (int) (latest / 100 % 100), (int) (latest % 100))), "");
    }

    // ---- the parser: a cursor over the cell ----

    private String text;
    private int at;
    private int end;

    private boolean read(String cell, int start, int length) {
        text = cell;
        at = start;
        end = length;
        int firstStart = at;
        int first = number(4);
        int firstDigits = at - firstStart;
        if (first < 0 || at >= end) {
            return false;
        }
        char separator = text.charAt(at++);
        if (separator != '-' && separator != '/' && separator != '.') {
            return false;
        }
        int second = number(2);
        if (second < 0 || !skip(separator)) {
            return false;
        }
        int thirdStart = at;
        int third = number(4);
        int thirdDigits = at - thirdStart;
        if (third < 0) {
            return false;
        }
        long time = time();
        if (time < 0) {
            return false;
        }
        if (firstDigits == 4) {
            return certain(first, second, third, time);
        }
        if (thirdDigits != 4 && thirdDigits != 2 || separator == '-') {
            return false;
        }
        int year = thirdDigits == 2 ? 2000 + third : third;
        if (separator == '.') {
            return certain(year, second, first, time);
        }
        long asMonthFirst = stamp(year, first, second, time);
        long asDayFirst = stamp(year, second, first, time);
        if (asMonthFirst < 0 && asDayFirst < 0) {
            return false;
        }
        if (asMonthFirst < 0) {
            notMonthFirst = true;
        } else {
            monthFirst = Math.max(monthFirst, asMonthFirst);
        }
        if (asDayFirst < 0) {
            notDayFirst = true;
        } else {
            dayFirst = Math.max(dayFirst, asDayFirst);
        }
        return true;
    }

    private boolean certain(int year, int month, int day, long time) {
        long stamp = stamp(year, month, day, time);
        if (stamp < 0) {
            return false;
        }
        certain = Math.max(certain, stamp);
        return true;
    }

    /** yyyyMMddHHmmss, or −1 for a day that does not exist. */
    private static long stamp(int year, int month, int day, long time) {
        if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]
                || month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return -1;
        }
        return ((year * 100L + month) * 100 + day) * 1_000_000 + time;
    }

    /**
     * The optional time after the date, as HHmmss, then optional fraction, AM/PM and zone; −1 if what follows
     * the date is not that.
     */
    private long time() {
        if (at == end) {
            return 0;
        }
        char c = text.charAt(at);
        if (c != ' ' && c != 'T') {
            return -1;
        }
        at++;
        int hour = number(2);
        if (hour < 0 || !skip(':')) {
            return -1;
        }
        int minute = number(2);
        int second = skip(':') ? number(2) : 0;
        if (minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        if (skip('.') || skip(',')) {
            int fraction = at;
            while (at < end && isDigit(text.charAt(at))) {
                at++;
            }
            if (at == fraction) {
                return -1;
            }
        }
        skip(' ');
        int halfDay = halfDay();
        if (halfDay >= 0) {
            if (hour < 1 || hour > 12) {
                return -1;
            }
            hour = hour % 12 + halfDay;
        } else if (hour > 23) {
            return -1;
        }
        return zone() ? hour * 10_000L + minute * 100L + second : -1;
    }

    /** 0 for AM, 12 for PM, −1 for neither; consumed when found. */
    private int halfDay() {
        if (at + 1 < end && (text.charAt(at + 1) == 'M' || text.charAt(at + 1) == 'm')
                && (at + 2 == end || text.charAt(at + 2) == ' ')) {
            char c = text.charAt(at);
            int half = c == 'A' || c == 'a' ? 0 : c == 'P' || c == 'p' ? 12 : -1;
            if (half >= 0) {
                at += 2;
            }
            return half;
        }
        return -1;
    }

    /** Whether the rest is nothing, or a zone: {@code Z}, a name like {@code AST} or {@code UTC}, an offset. */
    private boolean zone() {
        skip(' ');
        for (; at < end; at++) {
            char c = text.charAt(at);
            if (!(c >= 'A' && c <= 'Z' || isDigit(c) || c == '+' || c == '-' || c == ':' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** A number of 1 to {@code maxDigits} digits at the cursor, or −1. */
    private int number(int maxDigits) {
        int value = 0;
        int start = at;
        while (at < end && isDigit(text.charAt(at)) && at - start < maxDigits) {
            value = value * 10 + text.charAt(at) - '0';
            at++;
        }
        return at == start || at < end && isDigit(text.charAt(at)) ? -1 : value;
    }

    private boolean skip(char c) {
        if (at < end && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
