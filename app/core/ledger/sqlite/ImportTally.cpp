#include "ledger/sqlite/ImportTally.h"

namespace {
constexpr qint64 hour = 3600 * 1000;
}

const BillingCalendar::Day& ImportTally::dayOf(qint64 at)
{
    BillingCalendar::Day& day = m_days[at / hour];
    if (at < day.start || at >= day.end)
        day = m_calendar.dayContaining(at);
    return day;
}

void ImportTally::add(const ImportRuns::Row& row)
{
    const BillingCalendar::Day& day = dayOf(row.occurredAt);
    const bool byok = row.billing == CreditRules::Billing::Byok;
    m_periods[{day.periodStart, row.tenant, row.action}].count(byok, row.credits);
    m_daily[{day.start, row.tenant}].count(byok, row.credits);
}

void ImportTally::addTo(UsageTotals& totals, const ImportRuns& runs) const
{
    for (auto it = m_periods.cbegin(); it != m_periods.cend(); ++it)
        totals.addToPeriod(it.key().periodStart, runs.text(it.key().tenant), runs.text(it.key().action), it.value());
    for (auto it = m_daily.cbegin(); it != m_daily.cend(); ++it)
        totals.addToDay(it.key().dayStart, runs.text(it.key().tenant), it.value());
}
