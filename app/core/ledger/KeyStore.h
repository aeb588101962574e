#pragma once

#include "ledger/Database.h"
#include "ledger/DirectoryStore.h"
#include "ledger/ScopedMemo.h"
#include "ledger/SettingsStore.h"
#include "model/KeyRecords.h"

#include <QVector>

// The key_state table: for each install or tenant and provider, what is known about its key — never the key.
class KeyStore
{
public:
    KeyStore(Database& db, SettingsStore& settings, DirectoryStore& directory)
        : m_db(db), m_settings(settings), m_directory(directory)
    {
    }

    // Reading needs membership with any role.
    Result<KeyRecord> keyRecord(const QString& tenant, const QString& provider);
    Result<KeyStatus> keyStatus(const QString& tenant, const QString& provider);
    // Every stored key of the install and its tenants, for re-checking the stale ones.
    Result<QVector<KeyRecord>> storedKeys();
    // The provider's usage key (KeyPurpose::Usage): a NotSet record when none is stored.
    Result<KeyRecord> usageKey(const QString& provider);
    // The record of the key `purpose` names for a scope: keyRecord() or usageKey().
    Result<KeyRecord> keyRecord(const QString& tenant, const QString& provider, KeyPurpose purpose);
    // The catalog models the install's key for `provider` can use, or nullopt when every model is allowed: no key
    // is in force, it is not active, or its model list was never read.
    Result<std::optional<QStringList>> modelsAllowedByKey(const QString& provider);

    // Whether the user may set (or, with `setting` false, remove or check) the key of an install or tenant;
    // asked before the keychain is touched, so that a refusal changes nothing.
    // A usage key is the install's, and the Owner's alone to change: it can manage the provider organisation.
    Status mayChangeKey(const QString& tenant, const QString& provider, bool setting,
                        KeyPurpose purpose = KeyPurpose::Inference);
    // Changing needs Owner or Admin; each change is audited. `replacedFingerprint`: with KeyChange::Replaced, the
    // fingerprint of the key that was in the keychain before.
    Status setKeyRecord(const KeyRecord& record, KeyChange change, const QString& replacedFingerprint = {});
    // Audits a new key that was not stored because its check did not allow replacing the stored one.
    Status auditKeptKey(const KeyRecord& candidate, const QString& keptFingerprint);

    // For the usage book and tenant removal, inside their checks and transactions.
    Result<KeyState> keyState(const QString& tenant, const QString& provider);
    Status deleteTenantKeys(const QString& tenant);

private:
    // The audit trail's line for a key change ("replaced install key …abcd → …wxyz: active").
    static QString auditLine(const KeyRecord& r, KeyChange change, const QString& replacedFingerprint);
    Status putUsageKey(const KeyRecord& r);

    Database& m_db;
    SettingsStore& m_settings;
    DirectoryStore& m_directory;
    ScopedMemo<int, QVector<KeyRecord>> m_inScope; // one entry: every stored record, read in the open read scope
};
