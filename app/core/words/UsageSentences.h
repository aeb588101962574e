#pragma once

#include "model/Usage.h"
#include "rules/PlanHistory.h"

#include <QCoreApplication>
#include <QString>

// The sentences a report is told in, made once for the command line and the window alike: they differ in layout,
// never in wording. A running period speaks in the present ("used this month"), a finished one in the past
// ("used in October 2026"). Numbers and dates follow the default QLocale.
class UsageSentences
{
    Q_DECLARE_TR_FUNCTIONS(UsageSentences)

public:
    // "the whole install" or "tenant acme".
    static QString scope(const std::optional<QString>& tenant);
    // "October 2026" for a period that starts on the 1st, else "15 Oct – 14 Nov 2026".
    static QString periodName(const BillingPeriod& period);
    // "The current period runs from 1 Nov 2026 to 30 Nov 2026."
    static QString periodRuns(const BillingPeriod& period);
    // "1 Dec 2026 – 14 Dec 2026".
    static QString periodDates(const BillingPeriod& period);
    // A change of the billing calendar waiting for the reset, said in the running period; empty otherwise.
    static QString pendingCalendar(const UsageReport& r);
    // "384 of 500 credits used this month (76%)" / "… used in October 2026 (76%)".
    static QString used(const UsageReport& r);
    // When the credits reset, or how many were left when the period ended; unused credits do not roll over.
    static QString remaining(const UsageReport& r);
    // A tenant's share of the pool: "Tenant acme used 12 credits this month." Empty for the whole install.
    static QString tenantShare(const UsageReport& r);
    // "Imported usage exceeded the plan by 261 credits." when the period's usage is over its allocation.
    static QString overPlan(const UsageReport& r);
    // The warning step reached in the running period and what happens next; empty below 80 % or for a past period.
    static QString warning(const UsageReport& r);
    // "At this pace (12.5 credits a day) the credits run out on Tue 24 Nov, 6 days before the reset." or "… last
    // until the reset."; empty for a past period.
    static QString forecast(const UsageReport& r);
    // A downgrade that waits for the next period, said in the running period; empty otherwise.
    static QString pendingPlan(const UsageReport& r);
    // What a plan change just made does, for the one who made it, told from the running period as it is after the
    // change: raised at once, or (a downgrade, also one below a plan still in force) followed by pendingPlan().
    static QString planChanged(const Plan& from, const Plan& to, const UsageReport& running);

    // "On AI credits: 19 of 20 queries left in the rolling hour; the next slot frees up at 04:18 UTC." The same
    // sentence for each standing wherever the rate limit is shown.
    static QString rateStanding(const RateStanding& standing, bool onOwnKeys, const QString& timeZone);

    // The per-action breakdown's column headings: action, runs, credits, BYOK runs, and what a run costs now.
    static QStringList breakdownHeadings();
    static QString costNowHeading();
    // What a run would answer instead of a price: "refused: Rate limit reached …".
    static QString costRefused(const QString& reason);

    // "Tue 1 Dec 2026 at 00:00 UTC" in the install's zone.
    static QString moment(qint64 ms, const QString& timeZone);
    // "04:18 UTC": a time of day today, in the install's zone.
    static QString clock(qint64 ms, const QString& timeZone);
    // "Tue 24 Nov" in the install's zone.
    static QString day(qint64 ms, const QString& timeZone);
    static QString credits(qint64 n); // "1 credit", "2,000 credits"
    static QString runs(qint64 n);    // "1 run", "12 runs"
    static QString events(qint64 n);  // "1 event", "2,000 events"
    // "1 Nov 2026" in English, "1. Nov. 2026" in German.
    static QString dateText(const QDate& date);
    // The product pages' typical month on a plan: "5 × theme generation + … + 1 × trigger generation (70
    // credits at the default models)", or the plan's note.
    static QString typicalUsage(const Plan& plan, const Catalog& catalog);
};
