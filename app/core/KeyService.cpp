#include "KeyService.h"

#include "KeyFormat.h"
#include "ProviderCheck.h"

#include <QPointer>

KeyService::KeyService(Ledger& ledger, KeyVault& vault, QNetworkAccessManager& network, QObject* parent)
    : QObject(parent), m_ledger(ledger), m_vault(vault), m_network(network)
{
}

Result<KeyEntry> KeyService::entryFor(const QString& tenant, const QString& provider)
{
    const auto settings = m_ledger.settings();
    if (!settings)
        return settings.failure();
    return KeyEntry{settings->installId, tenant, provider};
}

namespace {

// Answers on the next turn of the event loop, so that `done` is never called before the request returns.
template <typename Value, typename Callback>
void answerLater(QObject* context, Callback done, Value value)
{
    QMetaObject::invokeMethod(context, [done = std::move(done), value = std::move(value)]() { done(value); },
                              Qt::QueuedConnection);
}

QString scopeName(const QString& tenant)
{
    return tenant.isEmpty() ? QStringLiteral("the install") : QStringLiteral("tenant %1").arg(tenant);
}

} // namespace

void KeyService::set(const QString& tenant, const QString& provider, const QString& rawKey, bool verify, Done done)
{
    const auto key = KeyFormat::check(provider, rawKey);
    if (!key)
        return answerLater(this, std::move(done), Result<KeyRecord>(key.failure()));
    if (Status s = m_ledger.mayChangeKey(tenant, provider, true); !s)
        return answerLater(this, std::move(done), Result<KeyRecord>(s.failure()));
    const auto entry = entryFor(tenant, provider);
    if (!entry)
        return answerLater(this, std::move(done), Result<KeyRecord>(entry.failure()));
    QPointer<KeyService> self(this);
    m_vault.save(entry.value(), key.value(), [=, key = key.value(), done = std::move(done)](Status saved) {
        if (!self)
            return;
        if (!saved)
            return done(saved.failure());
        KeyRecord record{tenant, provider, KeyState::NotVerified, KeyFormat::fingerprint(key), std::nullopt,
                         QStringLiteral("Not checked with the provider yet."), {}};
        if (Status s = m_ledger.setKeyRecord(record, KeyChange::Set); !s) {
            // The new key is safe in the keychain; a later check records its fingerprint and state.
            Failure f = s.failure();
            f.message = QStringLiteral("The key is stored in the keychain, but the database could not record it "
                                       "(%1); run \"keys verify\" once the database is available.")
                            .arg(f.message.chopped(f.message.endsWith(QLatin1Char('.')) ? 1 : 0));
            return done(f);
        }
        if (!verify)
            return done(record);
        check(entry.value(), key, done);
    });
}

void KeyService::verify(const QString& tenant, const QString& provider, Done done)
{
    if (Status s = m_ledger.mayChangeKey(tenant, provider, false); !s)
        return answerLater(this, std::move(done), Result<KeyRecord>(s.failure()));
    const auto known = m_ledger.keyRecord(tenant, provider);
    if (!known)
        return answerLater(this, std::move(done), Result<KeyRecord>(known.failure()));
    const QString providerName = m_ledger.catalog().provider(provider)->name;
    if (known->state == KeyState::NotSet)
        return answerLater(this, std::move(done),
                           Result<KeyRecord>(badInput(QStringLiteral("No %1 key is set for %2; set one with \"keys set %3\".")
                                                          .arg(providerName, scopeName(tenant), provider))));
    const auto entry = entryFor(tenant, provider);
    if (!entry)
        return answerLater(this, std::move(done), Result<KeyRecord>(entry.failure()));
    QPointer<KeyService> self(this);
    m_vault.read(entry.value(), [=, done = std::move(done)](Result<std::optional<QString>> read) {
        if (!self)
            return;
        if (!read)
            return done(read.failure());
        if (!read.value()) {
            // The database says a key is set but the keychain lost it: nothing can be sent on its behalf.
            KeyRecord lost{tenant, provider, KeyState::Invalid, known->fingerprint, m_ledger.now(),
                           QStringLiteral("The key is no longer in the keychain; set it again."), {}};
            if (Status s = m_ledger.setKeyRecord(lost, KeyChange::Checked); !s)
                return done(s.failure());
            return done(lost);
        }
        check(entry.value(), *read.value(), done);
    });
}

void KeyService::check(const KeyEntry& entry, const QString& key, Done done)
{
    const auto settings = m_ledger.settings();
    if (!settings)
        return done(settings.failure());
    auto* probe = new ProviderCheck(m_network, this);
    probe->setTimeout(m_checkTimeoutMs);
    const QString fingerprint = KeyFormat::fingerprint(key);
    connect(probe, &ProviderCheck::finished, this,
            [this, probe, entry, fingerprint, done = std::move(done)](const ProviderCheck::Outcome& outcome) {
                probe->deleteLater();
                KeyRecord record{entry.tenant, entry.provider, outcome.state, fingerprint, m_ledger.now(),
                                 outcome.message, outcome.models};
                if (Status s = m_ledger.setKeyRecord(record, KeyChange::Checked); !s)
                    return done(s.failure());
                done(record);
            });
    probe->start(entry.provider, ProviderCheck::baseUrl(entry.provider, settings->providerBaseUrls.value(entry.provider)),
                 key);
}

void KeyService::remove(const QString& tenant, const QString& provider, std::function<void(Status)> done)
{
    if (Status s = m_ledger.mayChangeKey(tenant, provider, false); !s)
        return answerLater(this, std::move(done), s);
    const auto known = m_ledger.keyRecord(tenant, provider);
    if (!known)
        return answerLater(this, std::move(done), Status(known.failure()));
    const auto entry = entryFor(tenant, provider);
    if (!entry)
        return answerLater(this, std::move(done), Status(entry.failure()));
    QPointer<KeyService> self(this);
    m_vault.remove(entry.value(), [=, done = std::move(done)](Status removed) {
        if (!self)
            return;
        if (!removed)
            return done(removed);
        KeyRecord gone{tenant, provider, KeyState::NotSet, known->fingerprint, m_ledger.now(), {}, {}};
        done(m_ledger.setKeyRecord(gone, KeyChange::Removed));
    });
}

void KeyService::removeTenant(const QString& tenant, std::function<void(Status)> done)
{
    if (Status s = m_ledger.mayAdminister(QStringLiteral("Removing a tenant")); !s)
        return answerLater(this, std::move(done), s);
    QStringList providers;
    for (const Provider& p : m_ledger.catalog().providers()) {
        const auto known = m_ledger.keyRecord(tenant, p.id);
        if (!known)
            return answerLater(this, std::move(done), Status(known.failure()));
        // A tenant without keys is removed without asking the keychain, which may not even be running.
        if (known->state != KeyState::NotSet)
            providers << p.id;
    }
    removeKeys(tenant, providers, std::move(done));
}

void KeyService::removeKeys(const QString& tenant, QStringList providers, std::function<void(Status)> done)
{
    if (providers.isEmpty())
        return done(m_ledger.removeTenant(tenant));
    const auto entry = entryFor(tenant, providers.takeFirst());
    if (!entry)
        return answerLater(this, std::move(done), Status(entry.failure()));
    QPointer<KeyService> self(this);
    m_vault.remove(entry.value(), [=, done = std::move(done)](Status removed) {
        if (!self)
            return;
        if (!removed)
            return done(removed);
        removeKeys(tenant, providers, done);
    });
}
