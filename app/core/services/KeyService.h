#pragma once

#include "keys/KeyVault.h"
#include "keys/ProviderCheck.h"
#include "ledger/Ledger.h"

#include <QObject>

class QNetworkAccessManager;

// Sets, checks and removes provider keys for the command line and the window alike. The keychain holds the
// key; the ledger holds what is known about it (fingerprint, last check) and the audit trail. Permission is
// checked before the keychain is touched, so a refusal changes nothing.
// Every operation answers exactly once through `done`, asynchronously, in bounded time.
class KeyService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<KeyRecord>)>;

    KeyService(Ledger& ledger, KeyVault& vault, QNetworkAccessManager& network, QObject* parent = nullptr);

    void setCheckTimeout(int milliseconds) { m_checkTimeoutMs = milliseconds; }

    struct SetOptions
    {
        bool verify = true;             // check the key with the provider
        bool replaceUnverified = false; // the administrator confirmed replacing a stored key without a verdict
    };

    // Stores `rawKey` once it is well-formed. Where no key is stored yet, the key is stored first and then checked
    // (unless `verify` is false): a key the provider rejects stays stored, as Invalid, and the answer is the record.
    // Replacing a stored key never loses a working one: the new key is checked first; if the provider rejects it
    // nothing changes (Refused); if no verdict can be had, nothing changes either (needsConfirmation) unless
    // `replaceUnverified` — or unless the stored key is itself known to be invalid.
    void set(const QString& tenant, const QString& provider, const QString& rawKey, SetOptions options, Done done);
    // Checks the stored key with the provider again and records the verdict.
    void verify(const QString& tenant, const QString& provider, Done done);
    // Deletes the keychain entry; the provider's actions go back to credits.
    void remove(const QString& tenant, const QString& provider, std::function<void(Status)> done);
    // The same for the provider's usage key (an Admin key that reads the organisation's usage reports; the
    // Owner's to change): the same checks, the same rule for replacing a stored key, its own keychain entry.
    void setUsageKey(const QString& provider, const QString& rawKey, SetOptions options, Done done);
    void verifyUsageKey(const QString& provider, Done done);
    void removeUsageKey(const QString& provider, std::function<void(Status)> done);
    // On a shared ledger a key sits in the keychain of the machine that stored it: why it cannot be checked or
    // removed from here, or empty when this machine holds it (or nobody knows).
    static QString heldElsewhere(const KeyRecord& record, const QString& providerName);
    // Removes a tenant and, first, its keys from the keychain, so that no orphaned secret stays behind.
    void removeTenant(const QString& tenant, std::function<void(Status)> done);

private:
    Result<KeyEntry> entryFor(const QString& tenant, const QString& provider, KeyPurpose purpose);
    void setKey(const KeyEntry& scope, const QString& rawKey, SetOptions options, Done done);
    void verifyKey(const KeyEntry& scope, Done done);
    void removeKey(const KeyEntry& scope, std::function<void(Status)> done);
    void check(const KeyEntry& entry, const QString& key, Done done);
    // What to make of a check: the record of the checked key as the provider's answer has it, and the answer to
    // give.
    using Judge = std::function<void(const KeyRecord& candidate, const Done& done)>;
    // Runs the provider check on `key` and hands its verdict, as the key's record, to `judge`; a check that cannot
    // start answers `done` with why.
    void probe(const KeyEntry& entry, const QString& key, Done done, Judge judge);
    void store(const KeyEntry& entry, const QString& key, KeyRecord record, KeyChange change,
               const QString& replacedFingerprint, Done done);
    void replace(const KeyEntry& entry, const QString& key, const KeyRecord& stored, SetOptions options, Done done);
    // A usage key that is no admin key: a read-only key for the reports, or an API key, which only the provider
    // tells apart; asked first, kept only when the provider reads it a report, so an API key is never kept.
    void setReadOnlyKey(const KeyEntry& entry, const QString& key, const KeyRecord& stored, SetOptions options,
                        Done done);
    void removeKeys(const QString& tenant, QStringList providers, std::function<void(Status)> done);
    // Deletes the keychain entry, then runs `then`; a keychain failure answers `done` instead.
    void removeEntry(const KeyEntry& scope, std::function<void(Status)> done, std::function<void()> then);

    Ledger& m_ledger;
    KeyVault& m_vault;
    QNetworkAccessManager& m_network;
    int m_checkTimeoutMs = 15000;
};
