#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// What the audit trail's lines are grouped by (the filter of the activity log and `audit --kind`): a kind and the
// subjects the stores write for it, those that start with `prefix` or equal one of `subjects` (the settings'
// subjects are their names in Settings). The one table both the trail's filter and an entry's kind() read.
struct AuditKind
{
    const char* id;
    const char* prefix;
    const char* subjects[2];

    // key, plan, model, period, tenant, member, import, provider, spend.
    static QStringList ids();
    // The kind called `id`, or nullptr.
    static const AuditKind* named(const QString& id);
    bool covers(const QString& subject) const;
};

// One line of the audit trail: who changed what, when. Key lines name a key by its masked fingerprint only.
struct AuditEntry
{
    qint64 at = 0;
    QString actor;
    QString subject; // "plan", "key.anthropic", "model.content", "tenant", …
    QString change;  // "essentials -> enterprise", "set install key …wxyz: active", …

    // The kind the subject belongs to (AuditKind::ids()).
    QString kind() const;
};

// Which lines to read; every part is optional.
struct AuditFilter
{
    std::optional<qint64> since; // at or after
    std::optional<qint64> until; // before
    QString kind;                // one of AuditKind::ids(); empty: all
    QString actor;               // whole user name; empty: everyone
};
