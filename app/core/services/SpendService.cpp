#include "services/SpendService.h"

#include "services/KeyService.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SpendService)
};

QDate utcDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

qint64 utcStart(QDate day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

// Answers on the next turn of the event loop, so that `done` is never called before the request returns.
void answerLater(QObject* context, SpendService::Done done, Result<SpendService::Synced> value)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), value = std::move(value)]() { done(value); }, Qt::QueuedConnection);
}

bool tenantKeysAllowed(const LedgerSettings& settings)
{
    return settings.planNow && settings.planNow->tenantKeys;
}

} // namespace

SpendService::SpendService(Ledger& ledger, KeyVault& vault, QNetworkAccessManager& network, QObject* parent)
    : QObject(parent), m_ledger(ledger), m_vault(vault), m_network(network)
{
}

Result<QStringList> SpendService::providersWithUsageKeys()
{
    QStringList ids;
    for (const Provider& p : m_ledger.catalog().providers()) {
        if (p.usagePath.isEmpty())
            continue;
        const auto record = m_ledger.keys().usageKey(p.id);
        if (!record)
            return record.failure();
        if (record->state != KeyState::NotSet)
            ids << p.id;
    }
    return ids;
}

void SpendService::sync(const QString& providerId, const std::optional<QDate>& since, Done done)
{
    if (m_sync)
        return answerLater(this, std::move(done), refused(Words::tr("A sync of the providers' reports is running.")));
    if (Status s = m_ledger.mayAdminister(Words::tr("Syncing the providers' reports")); !s)
        return answerLater(this, std::move(done), s.failure());
    const Provider* provider = m_ledger.catalog().provider(providerId);
    if (!provider)
        return answerLater(this, std::move(done),
                           badInput(Words::tr("There is no provider %1.").arg(Text::quoted(providerId))));
    if (provider->usagePath.isEmpty())
        return answerLater(this, std::move(done),
                           badInput(Words::tr("%1 has no usage report this program reads.").arg(provider->name)));
    const auto record = m_ledger.keys().usageKey(provider->id);
    if (!record)
        return answerLater(this, std::move(done), record.failure());
    if (record->state == KeyState::NotSet)
        return answerLater(this, std::move(done),
                           badInput(Words::tr("No %1 usage key is set; an Owner sets one with \"keys set-usage %2\".")
                                        .arg(provider->name, provider->id)));
    if (const QString elsewhere = KeyService::heldElsewhere(record.value(), provider->name); !elsewhere.isEmpty())
        return answerLater(this, std::move(done), refused(elsewhere));
    const auto snapshot = m_ledger.settings().snapshot();
    if (!snapshot)
        return answerLater(this, std::move(done), snapshot.failure());
    const auto mark = m_ledger.providers().lastSync(provider->id);
    if (!mark)
        return answerLater(this, std::move(done), mark.failure());
    const qint64 now = m_ledger.now();
    const QDate today = utcDay(now);
    const BillingPeriod running = snapshot->calendar->containing(now);
    const QDate defaultFirst = utcDay(snapshot->calendar->preceding(running).start);
    QDate first = defaultFirst;
    if (since)
        first = *since;
    else if (mark.value() && mark.value()->first <= defaultFirst && mark.value()->last >= defaultFirst)
        first = std::max(defaultFirst, mark.value()->last.addDays(-1)); // the last two days it holds, read again
    if (first > today)
        return answerLater(this, std::move(done),
                           badInput(Words::tr("%1 is after today (UTC); the reports hold nothing later.")
                                        .arg(first.toString(Qt::ISODate))));
    const KeyEntry entry{snapshot->settings.installId, {}, provider->id, KeyPurpose::Usage};
    const QUrl base = ProviderCheck::baseUrl(*provider, snapshot->settings.providerBaseUrls.value(provider->id));
    const Provider chosen = *provider;
    auto* sync = new ProviderSync(m_network, m_ledger.clock(), this);
    sync->setRequestTimeout(m_timeoutMs);
    m_sync = sync;
    m_done = std::move(done);
    connect(sync, &ProviderSync::progress, this,
            [this, id = chosen.id](int pages, const QString& reading) { emit progress(id, pages, reading); });
    connect(sync, &ProviderSync::finished, this, [this, sync](const Result<ProviderReportSet>& read) {
        sync->deleteLater();
        m_sync = nullptr;
        Done done = std::move(m_done);
        if (!read)
            return done(read.failure());
        store(read.value(), std::move(done));
    });
    QPointer<SpendService> self(this);
    m_vault.read(entry, [=](Result<std::optional<QString>> key) {
        if (!self || m_sync != sync)
            return; // cancelled while the keychain answered
        if (!key || !key.value()) {
            m_sync = nullptr;
            sync->deleteLater();
            Done done = std::move(m_done);
            return done(!key ? key.failure()
                             : unavailable(Words::tr("The keychain holds no %1 usage key; an Owner sets it again with "
                                                     "\"keys set-usage %2\".")
                                               .arg(chosen.name, chosen.id)));
        }
        sync->start(chosen, base, *key.value(), first, today);
    });
}

void SpendService::cancel()
{
    if (!m_sync)
        return;
    if (m_sync->running())
        return m_sync->cancel();
    // Still waiting for the keychain.
    m_sync->deleteLater();
    m_sync = nullptr;
    Done done = std::move(m_done);
    answerLater(this, std::move(done), unavailable(Words::tr("The sync was cancelled; nothing of it was stored.")));
}

void SpendService::store(const ProviderReportSet& set, Done done)
{
    const auto runs = m_ledger.usage().byokRunsBetween(utcStart(set.first), utcStart(set.last.addDays(1)));
    if (!runs)
        return done(runs.failure());
    const auto records = m_ledger.keys().storedKeys();
    if (!records)
        return done(records.failure());
    const auto settings = m_ledger.settings().current();
    if (!settings)
        return done(settings.failure());
    // The provider finishes counting a day after it ends: the day of the sync is left out.
    const QVector<SpendFinding> findings =
        SpendBooks::reconcile(m_ledger.catalog(), set, records.value(), runs.value(),
                              tenantKeysAllowed(settings.value()), utcDay(set.syncedAt).addDays(-1));
    if (Status s = m_ledger.providers().store(set, findings); !s)
        return done(s.failure());
    done(Synced{set.provider, set.first, set.last, int(set.usage.size()), int(set.costs.size()), int(set.keys.size()),
                findings, countsPerKey(set.usage, set.costs)});
}

Result<SpendReport> SpendService::report(Ledger& ledger, const std::optional<QString>& periodId,
                                         const std::optional<QString>& tenant)
{
    const auto settings = ledger.settings().current();
    if (!settings)
        return settings.failure();
    if (tenant && !tenant->isEmpty())
        if (Status s = ledger.directory().requireTenant(*tenant); !s)
            return s.failure();
    const auto period = ledger.settings().period(periodId);
    if (!period)
        return period.failure();
    SpendReport report;
    report.period = period.value();
    report.first = utcDay(period->start);
    report.last = utcDay(period->end - 1);
    const auto runs = ledger.usage().byokRunsBetween(utcStart(report.first), utcStart(report.last.addDays(1)));
    if (!runs)
        return runs.failure();
    const auto records = ledger.keys().storedKeys();
    if (!records)
        return records.failure();
    const bool tenantKeys = tenantKeysAllowed(settings.value());
    for (const Provider& p : ledger.catalog().providers()) {
        if (p.usagePath.isEmpty())
            continue;
        const auto held = ledger.providers().held(p.id, report.first, report.last);
        if (!held)
            return held.failure();
        SpendBooks::ProviderSpend spend =
            SpendBooks::spend(ledger.catalog(), held.value(), records.value(), runs.value(), tenantKeys);
        QVector<SpendFinding> findings =
            held->syncedAt == 0 ? QVector<SpendFinding>{}
                                : SpendBooks::reconcile(ledger.catalog(), held.value(), records.value(), runs.value(),
                                                        tenantKeys, utcDay(held->syncedAt).addDays(-1));
        if (tenant) {
            spend.holders.erase(std::remove_if(spend.holders.begin(), spend.holders.end(),
                                               [&](const SpendBooks::HolderSpend& h) {
                                                   return h.owner.tenant != *tenant ||
                                                          (tenant->isEmpty() &&
                                                           h.owner.kind != SpendBooks::KeyOwner::Kind::Install);
                                               }),
                                spend.holders.end());
            findings.erase(std::remove_if(findings.begin(), findings.end(),
                                          [&](const SpendFinding& f) { return f.holder != *tenant; }),
                           findings.end());
        }
        report.providers << spend;
        report.findings += findings;
    }
    std::stable_sort(report.findings.begin(), report.findings.end(), [](const SpendFinding& a, const SpendFinding& b) {
        return std::tie(a.day, a.provider) < std::tie(b.day, b.provider);
    });
    return report;
}

Result<ModelChangePreview> SpendService::previewSlotModel(Ledger& ledger, const QString& slot, const QString& model)
{
    auto preview = ledger.previewSlotModel(slot, model);
    if (!preview || preview->change.byokRuns == 0)
        return preview;
    const Provider* provider = ledger.catalog().slotProvider(slot);
    if (!provider || provider->usagePath.isEmpty())
        return preview;
    const qint64 now = ledger.now();
    const QDate today = utcDay(now);
    const QDate first = today.addDays(-CreditRules::modelChangeWindowDays);
    const auto held = ledger.providers().held(provider->id, first, today);
    if (!held)
        return held.failure();
    const auto runs = ledger.usage().byokRunsBetween(utcStart(first), utcStart(today.addDays(1)));
    if (!runs)
        return runs.failure();
    const auto records = ledger.keys().storedKeys();
    if (!records)
        return records.failure();
    ModelChangePreview p = preview.value();
    p.byokDollars = SpendBooks::estimate(ledger.catalog(), held.value(), records.value(), runs.value(), slot,
                                         *p.current, *p.next, today);
    return p;
}
