package org.switchboard.api.acd;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a queue is open: periods per day of the week in a time zone, and closed dates (holidays). Written
 * as a spec such as {@code "mon-fri 09:00-18:00; sat 10:00-14:00"}; a period ending at 24:00 runs to midnight.
 */
public record OpeningHours(String spec, ZoneId zone, Set<LocalDate> closedDates) {

    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        closedDates = Set.copyOf(new TreeSet<>(closedDates));
        if (parse(spec).isEmpty()) {
            throw new IllegalArgumentException("opening hours need at least one period, as in 'mon-fri 09:00-18:00'");
        }
        spec = spec.trim();
    }

    /** Whether the queue takes contacts at this instant. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (Period period : parse(spec).getOrDefault(local.getDayOfWeek(), List.of())) {
            if (!time.isBefore(period.from) && (period.toMidnight || time.isBefore(period.to))) {
                return true;
            }
        }
        return false;
    }

    /** One opening period of a day. */
    private record Period(LocalTime from, LocalTime to, boolean toMidnight) {
    }

    /** Reads a spec; throws IllegalArgumentException naming the part it could not read. */
    private static Map<DayOfWeek, List<Period>> parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (String part : spec.toLowerCase(Locale.ROOT).split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (words.length < 2) {
                throw new IllegalArgumentException("'" + trimmed + "' needs days and at least one period, as in 'mon-fri 09:00-18:00'");
            }
            List<DayOfWeek> days = days(words[0]);
            for (int i = 1; i < words.length; i++) {
                Period period = period(words[i].replaceAll(",$", ""));
                days.forEach(day -> week.computeIfAbsent(day, any -> new ArrayList<>()).add(period));
            }
        }
        return week;
    }

    private static List<DayOfWeek> days(String word) {
        String[] ends = word.split("-");
        int from = day(ends[0], word);
        int to = ends.length == 2 ? day(ends[1], word) : from;
        if (ends.length > 2 || to < from) {
            throw new IllegalArgumentException("'" + word + "' is not a day or a range of days such as mon-fri");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int day = from; day <= to; day++) {
            days.add(DayOfWeek.of(day + 1));
        }
        return days;
    }

    private static int day(String name, String word) {
        for (int i = 0; i < DAYS.length; i++) {
            if (DAYS[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a day or a range of days such as mon-fri");
    }

    private static Period period(String word) {
        String[] ends = word.split("-");
        try {
            if (ends.length != 2) {
                throw new DateTimeParseException("two times", word, 0);
            }
            LocalTime from = LocalTime.parse(ends[0]);
            boolean toMidnight = ends[1].equals("24:00");
            LocalTime to = toMidnight ? LocalTime.MAX : LocalTime.parse(ends[1]);
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("period '" + word + "' ends before it begins");
            }
            return new Period(from, to, toMidnight);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + word + "' is not a period such as 09:00-18:00");
        }
    }
}
