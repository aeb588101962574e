#pragma once

#include "model/KeyVerdict.h"
#include "rules/KeyState.h"

#include <QString>
#include <QStringList>

#include <optional>

// What the ledger knows about a provider key. The key itself never leaves the keychain.
struct KeyRecord
{
    QString tenant; // empty: install level
    QString provider;
    KeyState state = KeyState::NotSet;
    QString fingerprint; // last four characters, never more
    std::optional<qint64> checkedAt;
    KeyVerdict verdict;            // why the last check ended so, as facts, when not active
    QStringList models;            // the model ids the key could see at its last successful check
    std::optional<qint64> retryAt; // Throttled: when the provider said to ask again
    QString requestId; // the provider's id for the check's request, for the audit trail; not stored with the key
    QString holder;    // whose keychain holds the key, "user@host" (Environment::keychainHolder); empty: unknown
    KeyPurpose purpose = KeyPurpose::Inference;
};

// What a key change was, for the audit trail.
enum class KeyChange
{
    Set,
    Replaced,
    Checked,
    Removed
};

// The keys that count for an install or tenant and one provider, as `keys status` and the page show them.
struct KeyStatus
{
    KeyRecord record; // the key in force; a NotSet record of the scope when the provider's actions use credits
    KeySource source = KeySource::Credits;
    // The tenant's own key when it is stored but not in force (the plan does not allow tenant keys).
    std::optional<KeyRecord> unused;
    bool inForce() const { return source != KeySource::Credits; }
};
