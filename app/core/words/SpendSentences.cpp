#include "words/SpendSentences.h"

#include <QLocale>

QString SpendSentences::dollars(qint64 micros)
{
    if (micros > 0 && micros < 5000)
        return tr("<$0.01");
    const qint64 cents = (micros + (micros >= 0 ? 5000 : -5000)) / 10000;
    return tr("$%1").arg(QLocale().toString(double(cents) / 100.0, 'f', 2));
}

QString SpendSentences::exactDollars(qint64 micros)
{
    const QString sign = micros < 0 ? QStringLiteral("-") : QString();
    const qint64 whole = qAbs(micros);
    return sign + QString::number(whole / 1000000) + QLatin1Char('.') +
           QStringLiteral("%1").arg(whole % 1000000, 6, 10, QLatin1Char('0'));
}

QString SpendSentences::synced(qint64 syncedAt, qint64 now)
{
    if (syncedAt <= 0)
        return tr("never synced");
    const qint64 minutes = qMax<qint64>(0, now - syncedAt) / 60000;
    if (minutes < 1)
        return tr("synced just now");
    if (minutes < 60)
        return tr("synced %n min ago", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("synced %n h ago", nullptr, int(minutes / 60));
    return tr("synced %n days ago", nullptr, int(minutes / (24 * 60)));
}

QString SpendSentences::holder(const SpendBooks::KeyOwner& owner)
{
    using Kind = SpendBooks::KeyOwner::Kind;
    const QString fingerprint = owner.fingerprint.isEmpty() ? QString() : QStringLiteral(" \u2026") + owner.fingerprint;
    switch (owner.kind) {
    case Kind::Install:
        return tr("The install's key%1").arg(fingerprint);
    case Kind::Tenant:
        return tr("Tenant %1's key%2").arg(owner.tenant, fingerprint);
    case Kind::Other:
        return tr("Other keys of your organisation (not this install's)");
    case Kind::Unnamed:
        return tr("Usage without a key (the Workbench or the console)");
    case Kind::Organisation:
        return tr("The whole organisation (its analytics reports name no key)");
    case Kind::Ambiguous:
        break;
    }
    return tr("Keys that fit more than one of the install's keys");
}

QString SpendSentences::basis(SpendBooks::Basis basis)
{
    switch (basis) {
    case SpendBooks::Basis::Billed:
        return tr("billed");
    case SpendBooks::Basis::ListPrice:
        return tr("at list prices");
    case SpendBooks::Basis::Unknown:
        break;
    }
    return tr("price unknown");
}

QString SpendSentences::finding(const SpendFinding& f, const Provider& provider)
{
    // The key inside a sentence: "the install's key …wxyz", "tenant acme's key …wxyz".
    const QString fingerprint = f.fingerprint.isEmpty() ? QString() : QStringLiteral(" \u2026") + f.fingerprint;
    const QString key = f.holder.isEmpty() ? tr("the install's key%1").arg(fingerprint)
                                           : tr("tenant %1's key%2").arg(f.holder, fingerprint);
    const QString day = f.day.toString(Qt::ISODate);
    switch (f.kind) {
    case SpendFinding::Kind::OutsideUse:
        return tr("%1: %2 reports %3 used, and no BYOK run was recorded: the key was used outside this install, or "
                  "runs were not recorded.")
            .arg(day, provider.name, key);
    case SpendFinding::Kind::NotSeen:
        return tr("%1: %n BYOK run(s) recorded on %2, and %3 reports no usage of it.", nullptr, int(f.recorded))
            .arg(day, key, provider.name);
    case SpendFinding::Kind::Differs:
        break;
    }
    return tr("%1: %n BYOK run(s) recorded on %2, and %3 counts %4 requests.", nullptr, int(f.recorded))
        .arg(day, key, provider.name)
        .arg(f.seen);
}

QString SpendSentences::creditsWithout(qint64 runs, qint64 credits)
{
    return tr("%n BYOK run(s) recorded; they would have cost %1 credits without BYOK.", nullptr, int(runs))
        .arg(QLocale().toString(credits));
}

QString SpendSentences::notInOrganisation(const QString& fingerprint)
{
    return tr("The key \u2026%1 is not one of this organisation's keys: its usage is not in these reports.")
        .arg(fingerprint);
}

QString SpendSentences::billedToOrganisation(qint64 micros)
{
    return tr("Billed to the organisation (cost report): %1").arg(dollars(micros));
}

QString SpendSentences::notPerKey()
{
    return tr("not reported per key");
}

QString SpendSentences::readOnlyReports(const Provider& provider)
{
    return tr("Read with a read-only analytics key: %1's analytics reports count the organisation's usage and cost "
              "per model, not per key, so they are neither split by key nor reconciled with the ledger's runs; an "
              "Admin key does both.")
        .arg(provider.name);
}

QString SpendSentences::findingsHeading(bool any)
{
    return any ? tr("Where the ledger and the providers' reports disagree:")
               : tr("The ledger and the providers' reports agree on every complete day held.");
}
