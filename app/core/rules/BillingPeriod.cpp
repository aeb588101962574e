#include "rules/BillingPeriod.h"

#include "support/IsoTime.h"

#include <QDateTime>

#include <algorithm>

BillingCalendar::BillingCalendar(int anchorDay, const QTimeZone& zone) : m_anchorDay(anchorDay), m_zone(zone) {}

// The first instant whose local date is `date`. Usually 00:00, but where a DST change skips midnight
// (Chile, Cuba, Brazil in the past) the day starts at the moment of the change.
qint64 BillingCalendar::localDayStart(const QDate& date) const
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

BillingPeriod BillingCalendar::compute(int year, int month) const
{
    BillingPeriod p;
    p.firstDay = QDate(year, month, m_anchorDay);
    const QDate next = p.firstDay.addMonths(1);
    p.lastDay = next.addDays(-1);
    p.start = localDayStart(p.firstDay);
    p.end = localDayStart(next);
    return p;
}

BillingPeriod BillingCalendar::startingIn(int year, int month) const
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

const std::vector<qint64>& BillingCalendar::dayStarts(const BillingPeriod& period) const
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

qint64 BillingCalendar::dayStartContaining(qint64 msecs) const
{
    // Zone conversions are slow and import asks once per line: the day comes from the period's cached days.
    const std::vector<qint64>& starts = dayStarts(containing(msecs));
    return *std::prev(std::upper_bound(starts.begin(), starts.end(), msecs));
}

BillingPeriod BillingCalendar::containing(qint64 msecs) const
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

BillingPeriod BillingCalendar::preceding(const BillingPeriod& period) const
{
    const QDate previous = period.firstDay.addMonths(-1);
    return startingIn(previous.year(), previous.month());
}
