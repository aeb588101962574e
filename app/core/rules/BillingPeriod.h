#pragma once

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <map>
#include <vector>

// One billing period: [start, end) in milliseconds since the epoch.
struct BillingPeriod
{
    qint64 start = 0;
    qint64 end = 0;
    QDate firstDay; // local date of the start, in the install's zone
    QDate lastDay;  // local date of the last day that belongs to the period

    // "YYYY-MM" of the month the period starts in; what `report --period` takes.
    QString id() const { return firstDay.toString(QStringLiteral("yyyy-MM")); }
    bool contains(qint64 msecs) const { return msecs >= start && msecs < end; }
};

// Monthly periods that start on an anchor day (1–28) at 00:00 in an IANA time zone.
// Remembers the periods it has computed, because time-zone conversions are slow and import asks once per line.
// Not thread-safe.
class BillingCalendar
{
public:
    BillingCalendar(int anchorDay, const QTimeZone& zone);

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
    // The first instant of the local day that contains `msecs`.
    qint64 dayStartContaining(qint64 msecs) const;
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
