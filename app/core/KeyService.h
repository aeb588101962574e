#pragma once

#include "KeyVault.h"
#include "Ledger.h"

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

    // Stores `rawKey` once it is well-formed, then checks it with the provider unless `verify` is false.
    // A key the provider rejects stays stored, as Invalid: the answer is the record, not a failure.
    void set(const QString& tenant, const QString& provider, const QString& rawKey, bool verify, Done done);
    // Checks the stored key with the provider again and records the verdict.
    void verify(const QString& tenant, const QString& provider, Done done);
    // Deletes the keychain entry; the provider's actions go back to credits.
    void remove(const QString& tenant, const QString& provider, std::function<void(Status)> done);
    // Removes a tenant and, first, its keys from the keychain, so that no orphaned secret stays behind.
    void removeTenant(const QString& tenant, std::function<void(Status)> done);

private:
    Result<KeyEntry> entryFor(const QString& tenant, const QString& provider);
    void check(const KeyEntry& entry, const QString& key, Done done);
    void removeKeys(const QString& tenant, QStringList providers, std::function<void(Status)> done);

    Ledger& m_ledger;
    KeyVault& m_vault;
    QNetworkAccessManager& m_network;
    int m_checkTimeoutMs = 15000;
};
