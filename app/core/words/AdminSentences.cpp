#include "words/AdminSentences.h"

#include "words/SpendSentences.h"

#include "model/Settings.h"
#include "words/UsageSentences.h"

#include <QLocale>

QString AdminSentences::tenantAdded(const QString& id)
{
    return tr("Added tenant %1.").arg(id);
}

QString AdminSentences::tenantRenamed(const QString& id)
{
    return tr("Renamed tenant %1.").arg(id);
}

QString AdminSentences::tenantRemoved(const QString& id)
{
    return tr("Removed tenant %1 and its keys; its past usage stays in the ledger.").arg(id);
}

QString AdminSentences::memberSet(const QString& user, Role role)
{
    return tr("%1 is now %2.").arg(user, roleWithArticle(role));
}

QString AdminSentences::memberRemoved(const QString& user)
{
    return tr("Removed %1.").arg(user);
}

QString AdminSentences::resetRule(int anchorDay, const QString& timeZone)
{
    return tr("Credits reset on day %1 of each month at 00:00 %2.").arg(QLocale().toString(anchorDay), timeZone);
}

QString AdminSentences::calendarChoice(const CalendarChoice& choice, qint64 now, bool done)
{
    const CalendarHistory& h = choice.history;
    const BillingCalendar calendar = h.calendar();
    const BillingPeriod running = calendar.containing(now);
    const QString day = QLocale().toString(h.anchorDay());
    if (!choice.changed)
        return tr("Credits already reset on day %1 of each month at 00:00 %2; nothing changes.").arg(day, h.timeZone());
    if (choice.atOnce)
        return (done ? tr("Credits now reset on day %1 of each month at 00:00 %2; no usage is recorded in this "
                          "period yet, so it runs from %3 to %4.")
                     : tr("No usage is recorded in this period yet, so the change takes effect at once: credits will "
                          "reset on day %1 of each month at 00:00 %2, and this period runs from %3 to %4."))
            .arg(day, h.timeZone(), UsageSentences::dateText(running.firstDay),
                 UsageSentences::dateText(running.lastDay));
    if (!choice.startsAt) {
        const MonthlyCalendar& inForce = calendar.calendarAt(now);
        return (done ? tr("The change of billing period that waited for the reset is withdrawn; credits keep "
                          "resetting on day %1 of each month at 00:00 %2.")
                     : tr("This withdraws the change of billing period that waits for the reset; credits keep "
                          "resetting on day %1 of each month at 00:00 %2."))
            .arg(QLocale().toString(inForce.anchorDay()), QString::fromUtf8(inForce.zone().id()));
    }
    const BillingPeriod first = calendar.containing(*choice.startsAt);
    const BillingPeriod second = calendar.following(first);
    return (done ? tr("From %1, credits reset on day %2 of each month at 00:00 %3. This period keeps its dates "
                      "(%4) and its allocation; %5 is one period with the plan's allocation, then %6.")
                 : tr("From %1, credits will reset on day %2 of each month at 00:00 %3. This period keeps its dates "
                      "(%4) and its allocation; %5 will be one period with the plan's allocation, then %6."))
        .arg(UsageSentences::dateText(first.firstDay), day, h.timeZone(), UsageSentences::periodDates(running),
             UsageSentences::periodDates(first), UsageSentences::periodDates(second));
}

QString AdminSentences::installPlan(const LedgerSettings& settings)
{
    const QString now = Settings::planText(*settings.planNow);
    return settings.planNow == settings.plan ? tr("The install is on %1.").arg(now)
                                             : tr("The install is on %1 until this period ends.").arg(now);
}

QString AdminSentences::tenantKeys(const Plan& plan)
{
    return plan.tenantKeys ? tr("Tenants may bring their own keys.")
                           : tr("Tenant keys are not available on this plan.");
}

QString AdminSentences::byokDollars(const ModelChangePreview& p, const Provider& provider)
{
    if (!p.byokDollars)
        return tr("Their cost in dollars cannot be estimated: the providers' reports held here count no tokens of %1 "
                  "on this install's keys (Provider spend syncs them).")
            .arg(p.current->name);
    const ModelChangePreview::DollarEstimate& e = *p.byokDollars;
    const auto cost = [](const std::optional<qint64>& micros) {
        return micros ? SpendSentences::dollars(*micros) : tr("price unknown");
    };
    const auto perRun = [&e](qint64 tokens) { return QLocale().toString((tokens + e.modelRuns / 2) / e.modelRuns); };
    QString said =
        tr("By %1's report, %2 of them from %3 to %4 cost about %5 at %6 and would have cost about %7 at %8: "
           "estimated from the %9 tokens counted per run on this install's keys (input %10, cache writes %11, "
           "cache reads %12, output %13) at list prices.")
            .arg(provider.name, UsageSentences::runs(e.slotRuns), e.first.toString(Qt::ISODate),
                 e.last.toString(Qt::ISODate), cost(e.atCurrent), p.current->name, cost(e.atNext), p.next->name,
                 p.current->name)
            .arg(perRun(e.tokens.input), perRun(e.tokens.cacheWrite5m + e.tokens.cacheWrite1h),
                 perRun(e.tokens.cacheRead), perRun(e.tokens.output));
    if (e.acrossGenerations)
        said += QLatin1Char(' ') + tr("The models are of different generations, whose tokenizers may count the same "
                                      "text as more tokens: the estimate may be low.");
    return said;
}

QString AdminSentences::modelChange(const ModelChangePreview& p, const Catalog& catalog)
{
    const CreditRules::ModelChange& c = p.change;
    QStringList runCosts;
    for (const Action& a : catalog.actions())
        if (a.slot == p.slot->id && CreditRules::cost(a, p.next) != CreditRules::cost(a, p.current))
            runCosts << tr("%1 %2 instead of %3")
                            .arg(shownText(a.name), UsageSentences::credits(CreditRules::cost(a, p.next)),
                                 UsageSentences::credits(CreditRules::cost(a, p.current)));
    QStringList said{runCosts.isEmpty() ? tr("%1 on %2 instead of %3: its runs cost the same credits.")
                                              .arg(shownText(p.slot->name), p.next->name, p.current->name)
                                        : tr("%1 on %2 instead of %3, per run: %4.")
                                              .arg(shownText(p.slot->name), p.next->name, p.current->name,
                                                   QLocale().createSeparatedList(runCosts))};
    if (c.creditRuns == 0 && c.byokRuns == 0)
        said << tr("It has no runs in the last %Ln day(s) to compare.", nullptr, int(c.days));
    if (c.creditRuns > 0) {
        const qint64 difference = c.creditsAtNext - c.creditsAtCurrent;
        said << tr("Over the last %Ln day(s) its %1 on credits cost %2 at %3; at %4 they would have cost %5 (%6).",
                   nullptr, int(c.days))
                    .arg(UsageSentences::runs(c.creditRuns), UsageSentences::credits(c.creditsAtCurrent),
                         p.current->name, p.next->name, UsageSentences::credits(c.creditsAtNext),
                         difference == 0  ? tr("the same")
                         : difference > 0 ? tr("%1 more").arg(UsageSentences::credits(difference))
                                          : tr("%1 less").arg(UsageSentences::credits(-difference)));
        if (c.creditsCharged != c.creditsAtCurrent)
            said << tr("They were charged %1, at the models of their day.")
                        .arg(UsageSentences::credits(c.creditsCharged));
        const QString today =
            p.runsOutAtNow
                ? tr("at today's pace they run out on %1").arg(UsageSentences::day(*p.runsOutAtNow, p.timeZone))
                : tr("at today's pace they last until then");
        if (p.remaining <= 0)
            said << tr("This period's credits are used up either way; the change shows from the reset on %1.")
                        .arg(UsageSentences::day(p.resetsAt, p.timeZone));
        else if (!c.tooEarly && difference != 0)
            said << (c.runsOutAt ? tr("At that pace the credits would run out on %1, before the reset on %2 (%3).")
                                       .arg(UsageSentences::day(*c.runsOutAt, p.timeZone),
                                            UsageSentences::day(p.resetsAt, p.timeZone), today)
                                 : tr("At that pace the credits would last until the reset on %1 (%2).")
                                       .arg(UsageSentences::day(p.resetsAt, p.timeZone), today));
    }
    if (c.byokRuns > 0) {
        const Provider* provider = catalog.slotProvider(p.slot->id);
        said << tr("Its %1 on the %2 key cost no credits at either model; %2 bills them.")
                    .arg(UsageSentences::runs(c.byokRuns), provider->name);
        said << byokDollars(p, *provider);
        // What the provider charges per token at each model, from the catalog's list prices; never a guess.
        const auto price = [](const Model& m, const ModelPrice* p) {
            return p ? tr("%1 input and %2 output at %3")
                           .arg(Settings::dollarText(p->input), Settings::dollarText(p->output), m.name)
                     : tr("an unknown price at %1").arg(m.name);
        };
        said << tr("%1's list prices per million tokens: %2; %3.")
                    .arg(provider->name, price(*p.current, p.currentPrice), price(*p.next, p.nextPrice));
    }
    return said.join(QLatin1Char(' '));
}

QString AdminSentences::typicalMonth(const Plan& plan, const Catalog& catalog)
{
    return tr("Typical month on %1: %2.").arg(plan.name, UsageSentences::typicalUsage(plan, catalog));
}
