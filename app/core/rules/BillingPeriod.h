#pragma once

#include <QDate>
#include <QString>
#include <QTimeZone>
#include <QVector>

#include <functional>
#include <map>
#include <optional>
#include <vector>

// One billing period: [start, end) in milliseconds since the epoch.
struct BillingPeriod
{
    qint64 start = 0;
    qint64 end = 0;
    QDate firstDay; // local date of the start, in the install's zone
    QDate lastDay;  // local date of the last day that belongs to the period
    // The short period that a change of calendar leaves between the old reset and the first new anchor day, when
    // the next period starts in the same month: its id names the day ("2026-12-01"), the month's is the other's.
    bool dated = false;

    // "YYYY-MM" of the month the period starts in ("YYYY-MM-DD" when dated); what `report --period` takes.
    QString id() const { return firstDay.toString(dated ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM")); }
    bool contains(qint64 msecs) const { return msecs >= start && msecs < end; }
};

// Monthly periods that start on an anchor day (1–28) at 00:00 in an IANA time zone.
// Remembers the periods it has computed, because time-zone conversions are slow and import asks once per line.
// Not thread-safe.
class MonthlyCalendar
{
public:
    MonthlyCalendar(int anchorDay, const QTimeZone& zone);

    static bool isValidAnchorDay(int day) { return day >= 1 && day <= 28; }

    int anchorDay() const { return m_anchorDay; }
    const QTimeZone& zone() const { return m_zone; }

    BillingPeriod containing(qint64 msecs) const;
    BillingPeriod startingIn(int year, int month) const;
    BillingPeriod following(const BillingPeriod& period) const
    {
        return startingIn(nextYear(period), nextMonth(period));
    }
    BillingPeriod preceding(const BillingPeriod& period) const;
    // The first instant of `date` in the zone (later than midnight on a day whose midnight is skipped).
    qint64 localDayStart(const QDate& date) const;
    // The first instant of each local day of `period`, in order.
    const std::vector<qint64>& dayStarts(const BillingPeriod& period) const;

private:
    BillingPeriod compute(int year, int month) const;
    static int nextYear(const BillingPeriod& p)
    {
        return p.firstDay.month() == 12 ? p.firstDay.year() + 1 : p.firstDay.year();
    }
    static int nextMonth(const BillingPeriod& p) { return p.firstDay.month() % 12 + 1; }

    int m_anchorDay;
    QTimeZone m_zone;
    mutable std::vector<BillingPeriod> m_known;                // sorted by start
    mutable std::map<qint64, std::vector<qint64>> m_dayStarts; // period start -> its days' starts
};

// A change of the billing calendar, dated like a change of plan: from `at` on, periods start on `anchorDay` in
// `timeZone`. `at` is 00:00 in the new zone on the date of the reset where the change takes effect (changeStart).
struct CalendarChange
{
    qint64 at = 0;
    int anchorDay = 1;
    QString timeZone;
    bool operator==(const CalendarChange& o) const
    {
        return at == o.at && anchorDay == o.anchorDay && timeZone == o.timeZone;
    }
};

// The ledger's calendar through its history: the first calendar, then each dated change. A change starts one
// period at its moment, which runs to the first new anchor day at least a day later (a piece shorter than a day
// joins it); the period before it ends there, its last day longer or shorter by the zones' difference. Past
// periods keep the boundaries that were in force.
// Not thread-safe (the calendars remember what they computed).
class BillingCalendar
{
public:
    BillingCalendar(int anchorDay, const QTimeZone& zone, const QVector<CalendarChange>& changes = {});

    static bool isValidAnchorDay(int day) { return MonthlyCalendar::isValidAnchorDay(day); }
    // Where a change that takes effect at the reset `reset` begins: 00:00 of the reset's date in the new zone, so
    // that every day after it is a whole day of the new zone and the dates run on.
    static qint64 changeStart(qint64 reset, const QTimeZone& oldZone, const QTimeZone& newZone);

    // The calendar chosen last (in force now, or from a pending change on).
    int anchorDay() const { return m_eras.back().calendar.anchorDay(); }
    const QTimeZone& zone() const { return m_eras.back().calendar.zone(); }
    // The calendar in force at `msecs`.
    const MonthlyCalendar& calendarAt(qint64 msecs) const { return m_eras[eraAt(msecs)].calendar; }
    const QVector<CalendarChange>& changes() const { return m_changes; }
    // The change that starts after `msecs`, if any: a change waiting for its reset.
    std::optional<CalendarChange> pendingAt(qint64 msecs) const;

    BillingPeriod containing(qint64 msecs) const;
    // The period whose first day is in that month (the month's whole period, not a dated short one, where both).
    BillingPeriod startingIn(int year, int month) const;
    // The period whose first day is `date`, if one is.
    std::optional<BillingPeriod> startingOn(const QDate& date) const;
    BillingPeriod following(const BillingPeriod& period) const { return containing(period.end); }
    BillingPeriod preceding(const BillingPeriod& period) const { return containing(period.start - 1); }
    // The first instant of `date` in the zone in force that day.
    qint64 localDayStart(const QDate& date) const;
    // The local day that contains `msecs`, [start, end), and the start of the period it belongs to.
    struct Day
    {
        qint64 start = 0;
        qint64 end = 0;
        qint64 periodStart = 0;
    };
    Day dayContaining(qint64 msecs) const;
    // The first instant of the local day that contains `msecs`.
    qint64 dayStartContaining(qint64 msecs) const { return dayContaining(msecs).start; }
    // The first instant of each local day of `period`, in order.
    const std::vector<qint64>& dayStarts(const BillingPeriod& period) const;

private:
    struct Era
    {
        qint64 since; // the first era: the smallest instant
        MonthlyCalendar calendar;
    };
    int eraAt(qint64 msecs) const;
    BillingPeriod shaped(int era, BillingPeriod p) const;

    std::vector<Era> m_eras; // by `since`
    QVector<CalendarChange> m_changes;
    mutable std::map<qint64, std::vector<qint64>> m_shapedDays; // a period a change shaped -> its days' starts
};

// The calendar's whole history, as the ledger keeps it: the first calendar and each dated change.
struct CalendarHistory
{
    int firstAnchorDay = 1;
    QString firstTimeZone = QStringLiteral("UTC");
    QVector<CalendarChange> changes; // by `at`

    BillingCalendar calendar() const
    {
        return BillingCalendar(firstAnchorDay, QTimeZone(firstTimeZone.toUtf8()), changes);
    }
    // The calendar chosen last.
    int anchorDay() const { return changes.isEmpty() ? firstAnchorDay : changes.back().anchorDay; }
    QString timeZone() const { return changes.isEmpty() ? firstTimeZone : changes.back().timeZone; }
    bool operator==(const CalendarHistory& o) const
    {
        return firstAnchorDay == o.firstAnchorDay && firstTimeZone == o.firstTimeZone && changes == o.changes;
    }
    bool operator!=(const CalendarHistory& o) const { return !(*this == o); }
};

// What choosing the calendar (`anchorDay`, `timeZone`) at `now` makes of a ledger's calendar history, like a plan
// downgrade: a change still waiting for its reset is replaced; the new one takes effect at the running period's
// end, so the running period keeps its dates and its allocation; at its start instead when nothing is recorded
// in it yet; on a ledger with no usage at all it simply becomes the calendar. Choosing the calendar in force at
// that moment adds no change (it withdraws a pending one). `usageSince(t)` says whether usage is recorded at or
// after t. Past periods keep their boundaries: no recorded usage changes period or day.
struct CalendarChoice
{
    CalendarHistory history;
    std::optional<qint64> startsAt; // when the chosen calendar starts; none: it is the only calendar
    bool atOnce = false;            // it governs the running period
    bool changed = false;           // false: the history stays as it was
    // Usage is recorded at or after the moment the change would start (a clock ahead): it would change period.
    bool movesUsage = false;
};
CalendarChoice chooseCalendar(const CalendarHistory& history, int anchorDay, const QString& timeZone, qint64 now,
                              const std::function<bool(qint64)>& usageSince);
