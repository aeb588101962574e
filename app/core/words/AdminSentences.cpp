#include "words/AdminSentences.h"

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

QString AdminSentences::resetChanged(int anchorDay, const QString& timeZone)
{
    return tr("Credits now reset on day %1 of each month at 00:00 %2; every period's totals were recounted.")
        .arg(QLocale().toString(anchorDay), timeZone);
}

QString AdminSentences::installPlan(const LedgerSettings& settings)
{
    const QString now = UsageSentences::planName(*settings.planNow);
    return settings.planNow == settings.plan ? tr("The install is on %1.").arg(now)
                                             : tr("The install is on %1 until this period ends.").arg(now);
}

QString AdminSentences::tenantKeys(const Plan& plan)
{
    return plan.tenantKeys ? tr("Tenants may bring their own keys.")
                           : tr("Tenant keys are not available on this plan.");
}

QString AdminSentences::typicalMonth(const Plan& plan, const Catalog& catalog)
{
    return tr("Typical month on %1: %2.").arg(plan.name, UsageSentences::typicalUsage(plan, catalog));
}

QString AdminSentences::modelCost(const Model& model)
{
    return model.multiplier == 1 ? QString() : tr("%1× credit cost").arg(QLocale().toString(model.multiplier));
}
