#include "words/UsageSentences.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace {

QDateTime local(qint64 ms, const QString& timeZone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(timeZone.toUtf8()));
}

} // namespace

QString UsageSentences::credits(qint64 n)
{
    // %Ln: the count in the locale's digits ("2,000", "2.000"); the English forms come from ai-settings_en.ts.
    return tr("%Ln credit(s)", nullptr, int(n));
}

QString UsageSentences::runs(qint64 n)
{
    return tr("%Ln run(s)", nullptr, int(n));
}

QString UsageSentences::events(qint64 n)
{
    return tr("%Ln event(s)", nullptr, int(n));
}

QString UsageSentences::rateStanding(const RateStanding& s, bool onOwnKeys, const QString& timeZone)
{
    const QLocale locale;
    const QString left = locale.toString(qMax(0, s.limit - s.used));
    const QString limit = locale.toString(s.limit);
    // When a slot frees up matters only while none is free.
    if (s.nextFreeAt <= 0 || s.used < s.limit)
        return onOwnKeys ? tr("On your own keys: %1 of %2 queries left in the rolling hour.").arg(left, limit)
                         : tr("On AI credits: %1 of %2 queries left in the rolling hour.").arg(left, limit);
    const QString at = clock(s.nextFreeAt, timeZone);
    return onOwnKeys ? tr("On your own keys: %1 of %2 queries left in the rolling hour; the next slot frees up at %3.")
                           .arg(left, limit, at)
                     : tr("On AI credits: %1 of %2 queries left in the rolling hour; the next slot frees up at %3.")
                           .arg(left, limit, at);
}

QStringList UsageSentences::breakdownHeadings()
{
    return {tr("Action"), tr("Runs"), tr("Credits"), tr("Of which BYOK (runs)")};
}

QString UsageSentences::costNowHeading()
{
    return tr("Costs now");
}

QString UsageSentences::costRefused(const QString& reason)
{
    return tr("refused: %1").arg(reason);
}

QString UsageSentences::moment(qint64 ms, const QString& timeZone)
{
    const QDateTime t = local(ms, timeZone);
    return tr("%1 at %2 %3")
        .arg(QLocale().toString(t.date(), tr("ddd d MMM yyyy", "date format of a reset")),
             QLocale().toString(t.time(), QStringLiteral("HH:mm")), timeZone);
}

QString UsageSentences::clock(qint64 ms, const QString& timeZone)
{
    return tr("%1 %2", "a time of day and its zone")
        .arg(QLocale().toString(local(ms, timeZone).time(), QStringLiteral("HH:mm")), timeZone);
}

QString UsageSentences::day(qint64 ms, const QString& timeZone)
{
    return QLocale().toString(local(ms, timeZone).date(), tr("ddd d MMM", "date format of a day this month"));
}

QString UsageSentences::dateText(const QDate& date)
{
    // The format is the translator's: "d MMM yyyy" in English, "d. MMM yyyy" in German.
    return QLocale().toString(date, tr("d MMM yyyy", "date format"));
}

QString UsageSentences::scope(const std::optional<QString>& tenant)
{
    return tenant ? tr("tenant %1").arg(*tenant) : tr("the whole install");
}

QString UsageSentences::periodName(const BillingPeriod& period)
{
    const QLocale locale;
    if (period.firstDay.day() == 1 && period.lastDay == period.firstDay.addMonths(1).addDays(-1))
        return locale.toString(period.firstDay, QStringLiteral("MMMM yyyy"));
    return tr("%1 – %2").arg(locale.toString(period.firstDay, tr("d MMM", "date format of a period's first day")),
                             dateText(period.lastDay));
}

QString UsageSentences::periodRuns(const BillingPeriod& period)
{
    return tr("The current period runs from %1 to %2.").arg(dateText(period.firstDay), dateText(period.lastDay));
}

QString UsageSentences::used(const UsageReport& r)
{
    const QLocale locale;
    const qint64 percent = r.allocation ? r.poolUsed * 100 / r.allocation : 0;
    if (r.finished || r.upcoming)
        return tr("%1 of %2 credits used in %3 (%4%)")
            .arg(locale.toString(r.poolUsed), locale.toString(r.allocation), periodName(r.period),
                 locale.toString(percent));
    return tr("%1 of %2 credits used this month (%3%)")
        .arg(locale.toString(r.poolUsed), locale.toString(r.allocation), locale.toString(percent));
}

QString UsageSentences::remaining(const UsageReport& r)
{
    if (r.finished)
        return tr("%1 were left when the period ended on %2; unused credits did not roll over.")
            .arg(credits(r.remaining), moment(r.period.end, r.timeZone));
    if (r.upcoming)
        return tr("%1 become available on %2.").arg(credits(r.allocation), moment(r.period.start, r.timeZone));
    return tr("%1 remaining; they reset on %2. Unused credits do not roll over.")
        .arg(credits(r.remaining), moment(r.period.end, r.timeZone));
}

QString UsageSentences::tenantShare(const UsageReport& r)
{
    if (!r.tenant)
        return {};
    if (r.finished || r.upcoming)
        return tr("Tenant %1 used %2 of the install's credits in %3.")
            .arg(*r.tenant, credits(r.used), periodName(r.period));
    return tr("Tenant %1 used %2 of the install's credits this month.").arg(*r.tenant, credits(r.used));
}

QString UsageSentences::overPlan(const UsageReport& r)
{
    if (r.poolUsed <= r.allocation)
        return {};
    // Recording refuses what the pool cannot pay; only history imported as it happened goes over.
    return tr("Imported usage exceeded the plan by %1.").arg(credits(r.poolUsed - r.allocation));
}

QString UsageSentences::warning(const UsageReport& r)
{
    if (r.finished || !r.forecast || !r.alertLevel)
        return {};
    const QString reset = moment(r.period.end, r.timeZone);
    if (r.alertLevel >= 100)
        return tr("All credits are used: actions on credits are refused until the reset on %1; actions covered by "
                  "an active key of your own still run.")
            .arg(reset);
    return tr("Warning: %1% of the credits are used; when all are used, actions on credits are refused until the "
              "reset on %2.")
        .arg(r.alertLevel)
        .arg(reset);
}

QString UsageSentences::forecast(const UsageReport& r)
{
    if (r.finished || !r.forecast || r.alertLevel >= 100)
        return {};
    if (r.forecast->tooEarly)
        return tr("It is too early in the period for a forecast; there is one from %1.")
            .arg(clock(r.period.start + CreditRules::forecastMinimumMs, r.timeZone));
    const QLocale locale;
    const QString rate = locale.toString(r.forecast->dailyRate, 'f', 1);
    const QString pace = r.tenant
                             ? tr("At this pace (tenant %1: %2 credits a day; the pool is shared)").arg(*r.tenant, rate)
                             : tr("At this pace (%1 credits a day)").arg(rate);
    if (!r.forecast->runsOutAt)
        return tr("%1 the credits last until the reset.").arg(pace);
    const QDate out = local(*r.forecast->runsOutAt, r.timeZone).date();
    const int days = int(out.daysTo(local(r.period.end, r.timeZone).date()));
    const QString when = day(*r.forecast->runsOutAt, r.timeZone);
    return tr("%1 the credits run out on %2, %Ln day(s) before the reset.", nullptr, days).arg(pace, when);
}

QString UsageSentences::pendingPlan(const UsageReport& r)
{
    if (r.finished || !r.nextPlan)
        return {};
    return tr("The plan changes to %1 (%2 a month) at the next period, on %3; this period keeps %4.")
        .arg(r.nextPlan->name, credits(r.nextPlan->monthlyCredits), moment(r.period.end, r.timeZone),
             credits(r.allocation));
}

QString UsageSentences::pendingCalendar(const UsageReport& r)
{
    if (r.finished || !r.nextCalendar || !r.nextCalendarPeriod)
        return {};
    return tr("From %1, credits reset on day %2 of each month at 00:00 %3; %4 is one period with the plan's "
              "allocation, and this period keeps its dates.")
        .arg(dateText(r.nextCalendarPeriod->firstDay), QLocale().toString(r.nextCalendar->anchorDay),
             r.nextCalendar->timeZone, periodDates(*r.nextCalendarPeriod));
}

QString UsageSentences::periodDates(const BillingPeriod& period)
{
    return tr("%1 – %2").arg(dateText(period.firstDay), dateText(period.lastDay));
}

QString UsageSentences::planChanged(const Plan& from, const Plan& to, const UsageReport& running)
{
    if (from.id == to.id)
        return tr("The plan stays %1.").arg(to.name);
    // Compared with what the period holds now, not with the plan chosen before: after a downgrade still pending,
    // choosing a plan between the two changes nothing this period.
    if (!running.nextPlan && running.allocation == to.monthlyCredits)
        return tr("Plan changed from %1 to %2: this period's allocation is %3 from now on.")
            .arg(from.name, to.name, credits(to.monthlyCredits));
    return tr("Plan changed from %1 to %2.").arg(from.name, to.name);
}

QString UsageSentences::typicalUsage(const Plan& plan, const Catalog& catalog)
{
    if (plan.typical.isEmpty())
        return shownText(plan.typicalNote);
    QStringList parts;
    qint64 total = 0;
    for (const auto& [id, runs] : plan.typical) {
        const Action* action = catalog.action(id);
        parts << tr("%1 × %2").arg(QLocale().toString(runs), inSentence(action->name));
        const Slot* slot = action->slot.isEmpty() ? nullptr : catalog.modelSlot(action->slot);
        total += qint64(runs) * CreditRules::cost(*action, slot ? catalog.model(slot->defaultModel) : nullptr);
    }
    return tr("%1 (%2 at the default models)").arg(parts.join(QStringLiteral(" + ")), credits(total));
}
