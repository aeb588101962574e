#include "services/KeyService.h"

#include "words/KeySentences.h"

#include "keys/ProviderCheck.h"
#include "rules/KeyFormat.h"
#include "support/Environment.h"

#include <QCoreApplication>
#include <QPointer>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(KeyService)
};
} // namespace

KeyService::KeyService(Ledger& ledger, KeyVault& vault, QNetworkAccessManager& network, QObject* parent)
    : QObject(parent), m_ledger(ledger), m_vault(vault), m_network(network)
{
}

Result<KeyEntry> KeyService::entryFor(const QString& tenant, const QString& provider, KeyPurpose purpose)
{
    const auto settings = m_ledger.settings().current();
    if (!settings)
        return settings.failure();
    return KeyEntry{settings->installId, tenant, provider, purpose};
}

namespace {

// Answers on the next turn of the event loop, so that `done` is never called before the request returns.
template <typename Value, typename Callback> void answerLater(QObject* context, Callback done, Value value)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), value = std::move(value)]() { done(value); }, Qt::QueuedConnection);
}

} // namespace

namespace {

// What a check said, as the record the ledger keeps for the key it checked.
KeyRecord recordOf(const KeyEntry& entry, const QString& fingerprint, const ProviderCheck::Outcome& o, qint64 now)
{
    KeyRecord r{entry.tenant, entry.provider, o.state, fingerprint, now, o.verdict, o.models, std::nullopt, {}, {}};
    r.purpose = entry.purpose;
    if (o.verdict.retrySeconds)
        r.retryAt = now + qint64(*o.verdict.retrySeconds) * 1000;
    r.requestId = o.requestId;
    r.holder = Environment::keychainHolder(); // the key was just read from, or is going to, this keychain
    return r;
}

// A check's verdict in the user's language.
QString said(const KeyRecord& r, const Catalog& catalog)
{
    return KeySentences::verdict(r.verdict, *catalog.provider(r.provider));
}

// A record of the key `entry` names, in `state`, with no check yet.
KeyRecord unchecked(const KeyEntry& entry, KeyState state, const QString& fingerprint, KeyVerdict verdict = {},
                    std::optional<qint64> checkedAt = std::nullopt)
{
    KeyRecord r{entry.tenant, entry.provider, state, fingerprint, checkedAt, std::move(verdict),
                {},           std::nullopt,   {},    {}};
    r.purpose = entry.purpose;
    return r;
}

// "<what happened>; <what it means>." as one sentence.
QString clause(QString sentence, const QString& then)
{
    while (sentence.endsWith(QLatin1Char('.')))
        sentence.chop(1);
    return QStringLiteral("%1; %2.").arg(sentence, then);
}

} // namespace

void KeyService::set(const QString& tenant, const QString& provider, const QString& rawKey, SetOptions options,
                     Done done)
{
    setKey({{}, tenant, provider, KeyPurpose::Inference}, rawKey, options, std::move(done));
}

void KeyService::setUsageKey(const QString& provider, const QString& rawKey, SetOptions options, Done done)
{
    setKey({{}, {}, provider, KeyPurpose::Usage}, rawKey, options, std::move(done));
}

void KeyService::setKey(const KeyEntry& scope, const QString& rawKey, SetOptions options, Done done)
{
    const auto key = KeyFormat::check(m_ledger.catalog(), scope.provider, rawKey, scope.purpose);
    if (!key)
        return answerLater(this, std::move(done), Result<KeyRecord>(key.failure()));
    if (Status s = m_ledger.keys().mayChangeKey(scope.tenant, scope.provider, true, scope.purpose); !s)
        return answerLater(this, std::move(done), Result<KeyRecord>(s.failure()));
    const auto entry = entryFor(scope.tenant, scope.provider, scope.purpose);
    if (!entry)
        return answerLater(this, std::move(done), Result<KeyRecord>(entry.failure()));
    const auto stored = m_ledger.keys().keyRecord(scope.tenant, scope.provider, scope.purpose);
    if (!stored)
        return answerLater(this, std::move(done), Result<KeyRecord>(stored.failure()));
    if (KeyFormat::needsProviderToTell(*m_ledger.catalog().provider(scope.provider), key.value(), scope.purpose))
        return setReadOnlyKey(entry.value(), key.value(), stored.value(), options, std::move(done));
    if (stored->state != KeyState::NotSet)
        return replace(entry.value(), key.value(), stored.value(), options, std::move(done));

    // Nothing to lose: store first, so that the key is safe even if the check never ends, then check it.
    const KeyRecord record = unchecked(entry.value(), KeyState::NotVerified, KeyFormat::fingerprint(key.value()),
                                       KeyVerdict::of(KeyVerdict::Code::NotChecked));
    QPointer<KeyService> self(this);
    store(entry.value(), key.value(), record, KeyChange::Set, {},
          [=, key = key.value(), entry = entry.value(), done = std::move(done)](Result<KeyRecord> r) {
              if (!self)
                  return;
              if (!r || !options.verify)
                  return done(r);
              check(entry, key, done);
          });
}

void KeyService::replace(const KeyEntry& entry, const QString& key, const KeyRecord& stored, SetOptions options,
                         Done done)
{
    const QString fingerprint = KeyFormat::fingerprint(key);
    const QString kept = Words::tr("the stored key ending %1 is kept").arg(stored.fingerprint);
    // A stored key the provider already rejected has nothing to lose; any other may be the one that works.
    const bool mayLoseWorkingKey = stored.state != KeyState::Invalid;
    if (!options.verify) {
        if (mayLoseWorkingKey && !options.replaceUnverified) {
            Failure f = refused(Words::tr("A key is already stored for %1 and a new one replaces it only once checked, "
                                          "or when you confirm; %2.")
                                    .arg(KeySentences::scope(entry.tenant, entry.purpose), kept));
            f.needsConfirmation = true;
            f.question = Words::tr("Replace the key stored for %1 (ending %2) with the new one without checking it?")
                             .arg(KeySentences::scope(entry.tenant, entry.purpose), stored.fingerprint);
            return answerLater(this, std::move(done), Result<KeyRecord>(f));
        }
        const KeyRecord record =
            unchecked(entry, KeyState::NotVerified, fingerprint, KeyVerdict::of(KeyVerdict::Code::NotChecked));
        return store(entry, key, record, KeyChange::Replaced, stored.fingerprint, std::move(done));
    }
    probe(entry, key, std::move(done), [=](const KeyRecord& candidate, const Done& done) {
        if (candidate.state == KeyState::Active ||
            (candidate.state != KeyState::Invalid && (!mayLoseWorkingKey || options.replaceUnverified)))
            return store(entry, key, candidate, KeyChange::Replaced, stored.fingerprint, done);
        // Not stored: the audit trail still shows the attempt and the provider's request id. An audit that
        // cannot be written does not change the answer, which is that nothing changed.
        m_ledger.keys().auditKeptKey(candidate, stored.fingerprint);
        if (candidate.state == KeyState::Invalid)
            return done(refused(clause(said(candidate, m_ledger.catalog()), kept)));
        Failure f{candidate.state == KeyState::OutOfBudget ? Failure::Refused : Failure::Unavailable,
                  clause(said(candidate, m_ledger.catalog()), kept)};
        f.needsConfirmation = true;
        f.question = Words::tr("The new key is not confirmed to work: %1 Replace the stored key ending %2 with it "
                               "anyway?")
                         .arg(said(candidate, m_ledger.catalog()), stored.fingerprint);
        done(f);
    });
}

void KeyService::setReadOnlyKey(const KeyEntry& entry, const QString& key, const KeyRecord& stored, SetOptions options,
                                Done done)
{
    const Provider& provider = *m_ledger.catalog().provider(entry.provider);
    if (!options.verify)
        return answerLater(this, std::move(done),
                           Result<KeyRecord>(badInput(KeySentences::readOnlyKeyNeedsCheck(provider))));
    probe(entry, key, std::move(done), [=](const KeyRecord& candidate, const Done& done) {
        if (candidate.state == KeyState::Active) {
            const bool replacing = stored.state != KeyState::NotSet;
            return store(entry, key, candidate, replacing ? KeyChange::Replaced : KeyChange::Set,
                         replacing ? stored.fingerprint : QString(), done);
        }
        // Not kept, and nothing stored changes: 401 or 403 is the provider saying the key may not read the reports.
        const bool refusedByProvider =
            candidate.state == KeyState::Invalid || candidate.state == KeyState::NoPermission;
        const QString sentence = KeySentences::readOnlyKeyNotKept(candidate.verdict, provider, refusedByProvider);
        done(refusedByProvider ? refused(sentence) : unavailable(sentence));
    });
}

void KeyService::store(const KeyEntry& entry, const QString& key, KeyRecord record, KeyChange change,
                       const QString& replacedFingerprint, Done done)
{
    record.holder = Environment::keychainHolder();
    QPointer<KeyService> self(this);
    m_vault.save(entry, key, [=, done = std::move(done)](Status saved) {
        if (!self)
            return;
        if (!saved)
            return done(saved.failure());
        if (Status s = m_ledger.keys().setKeyRecord(record, change, replacedFingerprint); !s) {
            // The new key is safe in the keychain; a later check records its fingerprint and state.
            Failure f = s.failure();
            f.message = Words::tr("The key is stored in the keychain, but the database could not record it "
                                  "(%1); run \"keys verify\" once the database is available.")
                            .arg(f.message.chopped(f.message.endsWith(QLatin1Char('.')) ? 1 : 0));
            return done(f);
        }
        done(record);
    });
}

void KeyService::verify(const QString& tenant, const QString& provider, Done done)
{
    verifyKey({{}, tenant, provider, KeyPurpose::Inference}, std::move(done));
}

void KeyService::verifyUsageKey(const QString& provider, Done done)
{
    verifyKey({{}, {}, provider, KeyPurpose::Usage}, std::move(done));
}

void KeyService::verifyKey(const KeyEntry& scope, Done done)
{
    const QString &tenant = scope.tenant, &provider = scope.provider;
    if (Status s = m_ledger.keys().mayChangeKey(tenant, provider, false, scope.purpose); !s)
        return answerLater(this, std::move(done), Result<KeyRecord>(s.failure()));
    const auto known = m_ledger.keys().keyRecord(tenant, provider, scope.purpose);
    if (!known)
        return answerLater(this, std::move(done), Result<KeyRecord>(known.failure()));
    const QString providerName = m_ledger.catalog().provider(provider)->name;
    if (const QString elsewhere = heldElsewhere(known.value(), providerName); !elsewhere.isEmpty())
        return answerLater(this, std::move(done), Result<KeyRecord>(refused(elsewhere)));
    if (known->state == KeyState::NotSet)
        return answerLater(
            this, std::move(done),
            Result<KeyRecord>(badInput(scope.purpose == KeyPurpose::Usage
                                           ? Words::tr("No %1 usage key is set; set one with \"keys set-usage %2\".")
                                                 .arg(providerName, provider)
                                           : Words::tr("No %1 key is set for %2; set one with \"keys set %3\".")
                                                 .arg(providerName, KeySentences::scope(tenant), provider))));
    const auto entry = entryFor(tenant, provider, scope.purpose);
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
            const KeyRecord lost = unchecked(entry.value(), KeyState::Invalid, known->fingerprint,
                                             KeyVerdict::of(KeyVerdict::Code::NotInKeychain), m_ledger.now());
            if (Status s = m_ledger.keys().setKeyRecord(lost, KeyChange::Checked); !s)
                return done(s.failure());
            return done(lost);
        }
        check(entry.value(), *read.value(), done);
    });
}

void KeyService::probe(const KeyEntry& entry, const QString& key, Done done, Judge judge)
{
    const QString& provider = entry.provider;
    const auto settings = m_ledger.settings().current();
    if (!settings)
        return done(settings.failure());
    auto* check = new ProviderCheck(m_network, m_ledger.clock(), this);
    check->setTimeout(m_checkTimeoutMs);
    // The check is this service's child: it and its answer go with the service.
    connect(check, &ProviderCheck::finished, this,
            [this, check, entry, fingerprint = KeyFormat::fingerprint(key), done = std::move(done),
             judge = std::move(judge)](const ProviderCheck::Outcome& outcome) {
                check->deleteLater();
                judge(recordOf(entry, fingerprint, outcome, m_ledger.now()), done);
            });
    check->start(
        *m_ledger.catalog().provider(provider),
        ProviderCheck::baseUrl(*m_ledger.catalog().provider(provider), settings->providerBaseUrls.value(provider)), key,
        entry.purpose);
}

void KeyService::check(const KeyEntry& entry, const QString& key, Done done)
{
    probe(entry, key, std::move(done), [this](const KeyRecord& record, const Done& done) {
        if (Status s = m_ledger.keys().setKeyRecord(record, KeyChange::Checked); !s)
            return done(s.failure());
        done(record);
    });
}

void KeyService::remove(const QString& tenant, const QString& provider, std::function<void(Status)> done)
{
    removeKey({{}, tenant, provider, KeyPurpose::Inference}, std::move(done));
}

void KeyService::removeUsageKey(const QString& provider, std::function<void(Status)> done)
{
    removeKey({{}, {}, provider, KeyPurpose::Usage}, std::move(done));
}

void KeyService::removeKey(const KeyEntry& scope, std::function<void(Status)> done)
{
    if (Status s = m_ledger.keys().mayChangeKey(scope.tenant, scope.provider, false, scope.purpose); !s)
        return answerLater(this, std::move(done), s);
    const auto known = m_ledger.keys().keyRecord(scope.tenant, scope.provider, scope.purpose);
    if (!known)
        return answerLater(this, std::move(done), Status(known.failure()));
    // Removing here would drop the record and leave the secret in the other machine's keychain.
    if (const QString elsewhere = heldElsewhere(known.value(), m_ledger.catalog().provider(scope.provider)->name);
        !elsewhere.isEmpty())
        return answerLater(this, std::move(done), Status(refused(elsewhere)));
    removeEntry(scope, done, [=] {
        const KeyRecord gone = unchecked(scope, KeyState::NotSet, known->fingerprint, {}, m_ledger.now());
        done(m_ledger.keys().setKeyRecord(gone, KeyChange::Removed));
    });
}

void KeyService::removeEntry(const KeyEntry& scope, std::function<void(Status)> done, std::function<void()> then)
{
    const auto entry = entryFor(scope.tenant, scope.provider, scope.purpose);
    if (!entry)
        return answerLater(this, std::move(done), Status(entry.failure()));
    QPointer<KeyService> self(this);
    m_vault.remove(entry.value(), [=, done = std::move(done), then = std::move(then)](Status removed) {
        if (!self)
            return;
        if (!removed)
            return done(removed);
        then();
    });
}

QString KeyService::heldElsewhere(const KeyRecord& record, const QString& providerName)
{
    if (record.holder.isEmpty() || record.holder == Environment::keychainHolder())
        return {};
    const qsizetype at = record.holder.lastIndexOf(QLatin1Char('@'));
    return Words::tr("The %1 key for %2 is kept in the keychain of %3 on %4; Test and Remove work there.")
        .arg(providerName, KeySentences::scope(record.tenant, record.purpose), record.holder.left(at),
             record.holder.mid(at + 1));
}

void KeyService::removeTenant(const QString& tenant, std::function<void(Status)> done)
{
    if (Status s = m_ledger.mayAdminister(Words::tr("Removing a tenant")); !s)
        return answerLater(this, std::move(done), s);
    QStringList providers;
    for (const Provider& p : m_ledger.catalog().providers()) {
        const auto known = m_ledger.keys().keyRecord(tenant, p.id);
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
    const QString provider = providers.takeFirst();
    removeEntry({{}, tenant, provider, KeyPurpose::Inference}, done, [=] { removeKeys(tenant, providers, done); });
}
