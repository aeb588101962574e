#include "ledger/sqlite/ImportTally.h"

#include <algorithm>

namespace {
constexpr qint64 hour = 3600 * 1000;
}

const ImportTally::Day& ImportTally::dayOf(qint64 at)
{
    Day& day = m_days[at / hour];
    if (at >= day.start && at < day.end)
        return day;
    // As UsageTotals::add finds them: the period containing `at`, then its day.
    const BillingPeriod period = m_calendar.containing(at);
    const std::vector<qint64>& starts = m_calendar.dayStarts(period);
    const auto next = std::upper_bound(starts.begin(), starts.end(), at);
    day = {*std::prev(next), next == starts.end() ? period.end : *next, period.start};
    return day;
}

void ImportTally::add(const ImportRuns::Row& row)
{
    const Day& day = dayOf(row.occurredAt);
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
