#pragma once

#include "Database.h"

#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

// One line of the audit trail: who changed what, when. Key lines name a key by its masked fingerprint only.
struct AuditEntry
{
    qint64 at = 0;
    QString actor;
    QString subject; // "plan", "key.anthropic", "model.content", "tenant", …
    QString change;  // "essentials -> enterprise", "set install key …wxyz: active", …

    // The kind the subject belongs to (AuditTrail::kinds()).
    QString kind() const;
};

// Which lines to read; every part is optional.
struct AuditFilter
{
    std::optional<qint64> since; // at or after
    std::optional<qint64> until; // before
    QString kind;                // one of AuditTrail::kinds(); empty: all
    QString actor;               // whole user name; empty: everyone
};

// The audit_log table, read newest first in pages, so that a window can scroll through a long history without
// holding it. Reading needs membership with any role; the lines are written by the stores as they change things.
class AuditTrail
{
public:
    explicit AuditTrail(Database& db) : m_db(db) {}

    // key, plan, model, period, tenant, member, import, provider.
    static QStringList kinds();
    // Bad input naming the kinds when `kind` is none of them (empty is all).
    static Status checkKind(const QString& kind);

    Result<qint64> count(const AuditFilter& filter);
    // Lines [offset, offset + limit) of the filtered trail, newest first.
    Result<QVector<AuditEntry>> page(const AuditFilter& filter, qint64 offset, int limit);
    // Every line the filter selects, newest first, read a page at a time so that a long trail is never held whole.
    Status forEach(const AuditFilter& filter, const std::function<void(const AuditEntry&)>& visit);
    // Everyone who has a line in the trail, sorted.
    Result<QStringList> actors();

private:
    Database& m_db;
};
