#pragma once

#include "ledger/Database.h"
#include "model/AuditEntry.h"

#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

// The audit_log table, read newest first in pages, so that a window can scroll through a long history without
// holding it. Reading needs membership with any role; the lines are written by the stores as they change things.
class AuditTrail
{
public:
    explicit AuditTrail(Database& db) : m_db(db) {}

    // AuditKind::ids().
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
