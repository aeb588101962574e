#include "rules/BillingPeriod.h"

#include "support/IsoTime.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

MonthlyCalendar::MonthlyCalendar(int anchorDay, const QTimeZone& zone) : m_anchorDay(anchorDay), m_zone(zone) {}

// The first instant whose local date is `date`. Usually 00:00, but where a DST change skips midnight
// (Chile, Cuba, Brazil in the past) the day starts at the moment of the change.
qint64 MonthlyCalendar::localDayStart(const QDate& date) const
{
    const qint64 midnightAsUtc = IsoTime::daysFromCivil(date.year(), date.month(), date.day()) * 86400000LL;
    const auto localDate = [this](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, m_zone).date(); };
    const auto isDayStart = [&](qint64 ms) { return localDate(ms) == date && localDate(ms - 1) < date; };

    const qint64 offsetBefore =
        m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(midnightAsUtc - 86400000LL, m_zone));
    const qint64 offsetAfter = m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(midnightAsUtc + 43200000LL, m_zone));
    for (qint64 offset : {offsetBefore, offsetAfter}) {
        const qint64 candidate = midnightAsUtc - offset * 1000;
        if (isDayStart(candidate))
            return candidate;
    }
    // A change near midnight that neither offset explains: find the day's first instant by bisection.
    qint64 lo = midnightAsUtc - 86400000LL, hi = midnightAsUtc + 86400000LL;
    while (hi - lo > 1) {
        const qint64 mid = lo + (hi - lo) / 2;
        (localDate(mid) < date ? lo : hi) = mid;
    }
    return hi;
}

BillingPeriod MonthlyCalendar::compute(int year, int month) const
{
    BillingPeriod p;
    p.firstDay = QDate(year, month, m_anchorDay);
    const QDate next = p.firstDay.addMonths(1);
    p.lastDay = next.addDays(-1);
    p.start = localDayStart(p.firstDay);
    p.end = localDayStart(next);
    return p;
}

BillingPeriod MonthlyCalendar::startingIn(int year, int month) const
{
    const QDate first(year, month, m_anchorDay);
    const auto it = std::lower_bound(m_known.begin(), m_known.end(), first,
                                     [](const BillingPeriod& p, const QDate& d) { return p.firstDay < d; });
    if (it != m_known.end() && it->firstDay == first)
        return *it;
    const BillingPeriod p = compute(year, month);
    m_known.insert(it, p);
    return p;
}

const std::vector<qint64>& MonthlyCalendar::dayStarts(const BillingPeriod& period) const
{
    auto it = m_dayStarts.find(period.start);
    if (it == m_dayStarts.end()) {
        std::vector<qint64> starts;
        for (QDate d = period.firstDay; d <= period.lastDay; d = d.addDays(1))
            starts.push_back(d == period.firstDay ? period.start : localDayStart(d));
        it = m_dayStarts.emplace(period.start, std::move(starts)).first;
    }
    return it->second;
}

BillingPeriod MonthlyCalendar::containing(qint64 msecs) const
{
    const auto it = std::upper_bound(m_known.begin(), m_known.end(), msecs,
                                     [](qint64 ms, const BillingPeriod& p) { return ms < p.start; });
    if (it != m_known.begin() && std::prev(it)->contains(msecs))
        return *std::prev(it);

    const QDate local = QDateTime::fromMSecsSinceEpoch(msecs, m_zone).date();
    QDate first(local.year(), local.month(), 1);
    if (local.day() < m_anchorDay)
        first = first.addMonths(-1);
    BillingPeriod p = startingIn(first.year(), first.month());
    // Guards for instants inside a DST change at the boundary, where the local date alone can mislead.
    if (msecs < p.start)
        p = preceding(p);
    else if (msecs >= p.end)
        p = following(p);
    return p;
}

BillingPeriod MonthlyCalendar::preceding(const BillingPeriod& period) const
{
    const QDate previous = period.firstDay.addMonths(-1);
    return startingIn(previous.year(), previous.month());
}

namespace {
constexpr qint64 dayMs = 86400000LL;
// How far a change's start may lie from the old reset: the zones' difference, at most 26 hours.
constexpr qint64 zoneShiftMs = 2 * dayMs;
} // namespace

BillingCalendar::BillingCalendar(int anchorDay, const QTimeZone& zone, const QVector<CalendarChange>& changes)
    : m_changes(changes)
{
    m_eras.push_back({std::numeric_limits<qint64>::min(), MonthlyCalendar(anchorDay, zone)});
    for (const CalendarChange& c : changes)
        m_eras.push_back({c.at, MonthlyCalendar(c.anchorDay, QTimeZone(c.timeZone.toUtf8()))});
}

qint64 BillingCalendar::changeStart(qint64 reset, const QTimeZone& oldZone, const QTimeZone& newZone)
{
    return MonthlyCalendar(1, newZone).localDayStart(QDateTime::fromMSecsSinceEpoch(reset, oldZone).date());
}

std::optional<CalendarChange> BillingCalendar::pendingAt(qint64 msecs) const
{
    for (const CalendarChange& c : m_changes)
        if (c.at > msecs)
            return c;
    return std::nullopt;
}

int BillingCalendar::eraAt(qint64 msecs) const
{
    int i = int(m_eras.size()) - 1;
    while (i > 0 && msecs < m_eras[i].since)
        --i;
    return i;
}

// A period of era `era`'s own calendar, as the changes around it leave it: one that begins within a day after
// the era's start begins at it (the short period to the first new anchor day); one that reaches within a day of
// the next era's start, or past it, ends there (its last day longer or shorter by the zones' difference).
BillingPeriod BillingCalendar::shaped(int era, BillingPeriod p) const
{
    const Era& e = m_eras[era];
    if (era > 0 && p.start < e.since + dayMs) {
        if (p.end < e.since + dayMs)
            p = e.calendar.following(p);
        p.start = e.since;
        p.firstDay = QDateTime::fromMSecsSinceEpoch(e.since, e.calendar.zone()).date();
        const QDate next = p.lastDay.addDays(1);
        p.dated = next.year() == p.firstDay.year() && next.month() == p.firstDay.month();
    }
    if (era + 1 < int(m_eras.size()) && p.end > m_eras[era + 1].since - zoneShiftMs) {
        const qint64 until = m_eras[era + 1].since;
        p.end = until;
        p.lastDay = std::min(p.lastDay, QDateTime::fromMSecsSinceEpoch(until - 1, e.calendar.zone()).date());
    }
    return p;
}

BillingPeriod BillingCalendar::containing(qint64 msecs) const
{
    const int i = eraAt(msecs);
    const Era& e = m_eras[i];
    BillingPeriod p = e.calendar.containing(msecs);
    // Between the old reset and a later start of the next era: still the old calendar's last period.
    if (i + 1 < int(m_eras.size()) && p.start > m_eras[i + 1].since - zoneShiftMs && p.start > e.since)
        p = e.calendar.preceding(p);
    return shaped(i, p);
}

BillingPeriod BillingCalendar::startingIn(int year, int month) const
{
    for (int i = int(m_eras.size()) - 1; i >= 0; --i) {
        const Era& e = m_eras[i];
        const BillingPeriod own = e.calendar.startingIn(year, month);
        if (i + 1 < int(m_eras.size()) && own.start > m_eras[i + 1].since - zoneShiftMs)
            continue; // after this era
        if (i > 0 && own.start < e.since + dayMs) {
            // Before this era, or its first short period: that one, if it starts in the month.
            const BillingPeriod first = containing(e.since);
            if (first.firstDay.year() == year && first.firstDay.month() == month)
                return first;
            continue;
        }
        return shaped(i, own);
    }
    return containing(m_eras.front().calendar.startingIn(year, month).start);
}

std::optional<BillingPeriod> BillingCalendar::startingOn(const QDate& date) const
{
    const BillingPeriod p = containing(localDayStart(date));
    if (p.firstDay != date)
        return std::nullopt;
    return p;
}

qint64 BillingCalendar::localDayStart(const QDate& date) const
{
    for (int i = int(m_eras.size()) - 1; i > 0; --i)
        if (const qint64 s = m_eras[i].calendar.localDayStart(date); s >= m_eras[i].since)
            return s;
    return m_eras.front().calendar.localDayStart(date);
}

const std::vector<qint64>& BillingCalendar::dayStarts(const BillingPeriod& period) const
{
    // One calendar, no change shaped a period (import asks once per line): its own days.
    if (m_eras.size() == 1)
        return m_eras.front().calendar.dayStarts(period);
    const int i = eraAt(period.start);
    const MonthlyCalendar& calendar = m_eras[i].calendar;
    const BillingPeriod own = calendar.startingIn(period.firstDay.year(), period.firstDay.month());
    if (own.start == period.start && own.end == period.end)
        return calendar.dayStarts(period);
    auto it = m_shapedDays.find(period.start);
    if (it == m_shapedDays.end()) {
        std::vector<qint64> starts{period.start};
        for (QDate d = period.firstDay.addDays(1); d <= period.lastDay; d = d.addDays(1))
            starts.push_back(calendar.localDayStart(d));
        it = m_shapedDays.emplace(period.start, std::move(starts)).first;
    }
    return it->second;
}

BillingCalendar::Day BillingCalendar::dayContaining(qint64 msecs) const
{
    // Zone conversions are slow and import asks once per line: the day comes from the period's cached days.
    const BillingPeriod period = containing(msecs);
    const std::vector<qint64>& starts = dayStarts(period);
    const auto next = std::upper_bound(starts.begin(), starts.end(), msecs);
    return {*std::prev(next), next == starts.end() ? period.end : *next, period.start};
}

CalendarChoice chooseCalendar(const CalendarHistory& history, int anchorDay, const QString& timeZone, qint64 now,
                              const std::function<bool(qint64)>& usageSince)
{
    CalendarChoice choice;
    if (!usageSince(std::numeric_limits<qint64>::min())) {
        choice.history.firstAnchorDay = anchorDay;
        choice.history.firstTimeZone = timeZone;
        choice.atOnce = true;
        choice.changed = choice.history != history;
        return choice;
    }
    const QTimeZone zone(timeZone.toUtf8());
    CalendarHistory& h = choice.history;
    h = history;
    h.changes.erase(
        std::remove_if(h.changes.begin(), h.changes.end(), [&](const CalendarChange& c) { return c.at > now; }),
        h.changes.end());
    // Changes after which nothing was recorded governed nothing: they go, so that choosing the calendar before
    // them again withdraws them (a day's margin: a change moves the end of the period before it by hours).
    while (!h.changes.isEmpty() && !usageSince(h.changes.back().at - zoneShiftMs))
        h.changes.removeLast();
    const BillingCalendar current = h.calendar();
    const BillingPeriod running = current.containing(now);
    qint64 start = BillingCalendar::changeStart(running.start, current.calendarAt(running.start).zone(), zone);
    choice.atOnce = !usageSince(std::min(start, running.start));
    if (choice.atOnce) {
        // The change that began the running period, if one did, is replaced by this one.
        h.changes.erase(std::remove_if(h.changes.begin(), h.changes.end(),
                                       [&](const CalendarChange& c) { return c.at >= running.start - dayMs; }),
                        h.changes.end());
    } else {
        start = BillingCalendar::changeStart(running.end, current.calendarAt(running.end - 1).zone(), zone);
        // The new zone's nearest midnight may lie before now: then the one after the reset.
        if (start <= now)
            start = MonthlyCalendar(1, zone).localDayStart(
                QDateTime::fromMSecsSinceEpoch(running.end, zone).date().addDays(1));
        choice.movesUsage = usageSince(std::min(start, running.end));
    }
    const BillingCalendar kept = h.calendar();
    const MonthlyCalendar& before = kept.calendarAt(start - 1);
    if (before.anchorDay() != anchorDay || before.zone().id() != timeZone.toUtf8())
        h.changes.append({start, anchorDay, timeZone});
    if (!h.changes.isEmpty() && h.changes.back().at == start)
        choice.startsAt = start;
    choice.changed = h != history;
    return choice;
}
