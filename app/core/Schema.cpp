#include "Schema.h"

#include "BillingPeriod.h"
#include "SqlSupport.h"
#include "UsageTotals.h"

#include <QStringList>
#include <QUuid>

namespace Schema {

namespace {

// Plain SQL that SQLite and PostgreSQL both accept: BIGINT instants (ms since the epoch), TEXT ids.
const char* const version1[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "INSERT INTO schema_version (version) VALUES (0)",
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE TABLE members (user_name TEXT PRIMARY KEY, role TEXT NOT NULL)",
    "CREATE TABLE usage_events (id TEXT PRIMARY KEY, occurred_at BIGINT NOT NULL, tenant TEXT NOT NULL, "
    "action TEXT NOT NULL, model TEXT NOT NULL, billing TEXT NOT NULL, credits INTEGER NOT NULL, "
    "recorded_by TEXT NOT NULL)",
    // The rate limit counts one tenant's queries of one billing kind in the last hour.
    "CREATE INDEX usage_events_by_tenant ON usage_events (tenant, billing, occurred_at)",
    "CREATE TABLE audit_log (at BIGINT NOT NULL, actor TEXT NOT NULL, subject TEXT NOT NULL, change TEXT NOT NULL)",
};

const char* const version2[] = {
    "CREATE TABLE usage_totals (period_start BIGINT NOT NULL, tenant TEXT NOT NULL, action TEXT NOT NULL, "
    "runs BIGINT NOT NULL, credits BIGINT NOT NULL, byok_runs BIGINT NOT NULL, "
    "PRIMARY KEY (period_start, tenant, action))",
    "CREATE TABLE key_state (tenant TEXT NOT NULL, provider TEXT NOT NULL, state TEXT NOT NULL, "
    "fingerprint TEXT NOT NULL, checked_at BIGINT, message TEXT NOT NULL, PRIMARY KEY (tenant, provider))",
};

// Version 3 gives each database its own id, which names its keychain entries (two databases on one machine
// must never read, replace or remove each other's keys), and keeps the models a key could see.
Status addInstallId(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings (name, value) VALUES ('install_id', ?)"));
    q.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (Status s = Sql::exec(q, QStringLiteral("giving the database its id")); !s)
        return s;
    // The model ids the key could see at its last check, space-separated.
    return Sql::execText(db, QStringLiteral("ALTER TABLE key_state ADD COLUMN models TEXT NOT NULL DEFAULT ''"),
                         QStringLiteral("creating schema version 3"));
}

template <size_t N>
Status run(const QSqlDatabase& db, const char* const (&statements)[N], int toVersion)
{
    for (const char* sql : statements)
        if (Status s = Sql::execText(db, QString::fromLatin1(sql), QStringLiteral("creating schema version %1").arg(toVersion)); !s)
            return s;
    return success();
}

Status insertInitialValues(const QSqlDatabase& db, const Catalog& catalog, const QString& creator)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"));
    QList<QPair<QString, QString>> values = {{QStringLiteral("plan"), catalog.plans().first().id},
                                             {QStringLiteral("anchor_day"), QStringLiteral("1")},
                                             {QStringLiteral("time_zone"), QStringLiteral("UTC")}};
    for (const Slot& slot : catalog.modelSlots())
        values.append({QStringLiteral("model.") + slot.id, slot.defaultModel});
    for (const auto& [name, value] : values) {
        q.bindValue(0, name);
        q.bindValue(1, value);
        if (Status s = Sql::exec(q, QStringLiteral("writing the initial settings")); !s)
            return s;
    }
    QSqlQuery m(db);
    m.prepare(QStringLiteral("INSERT INTO members (user_name, role) VALUES (?, 'owner')"));
    m.bindValue(0, creator);
    return Sql::exec(m, QStringLiteral("adding the database's owner"));
}

// Version 2 introduced the totals: fill them from the events that version 1 already held.
Status backfillTotals(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name, value FROM settings WHERE name IN ('anchor_day', 'time_zone')"));
    int anchor = 1;
    QByteArray zone = "UTC";
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("anchor_day"))
            anchor = q.value(1).toInt();
        else
            zone = q.value(1).toString().toUtf8();
    }
    return UsageTotals::rebuild(db, BillingCalendar(anchor, QTimeZone(zone)));
}

Status setVersion(const QSqlDatabase& db, int v)
{
    return Sql::execText(db, QStringLiteral("UPDATE schema_version SET version = %1").arg(v),
                         QStringLiteral("recording the schema version"));
}

} // namespace

Result<int> version(const QSqlDatabase& db)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
        return Sql::storageFailure(q.lastError(), QStringLiteral("reading the schema version"));
    return q.value(0).toInt();
}

Status migrate(const QSqlDatabase& db, const Catalog& catalog, const QString& creator, int target)
{
    Sql::WriteTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    // Read inside the lock: another process may have migrated the file while this one waited.
    const Result<int> found = version(db);
    if (!found)
        return found.failure();
    const int from = found.value();
    if (from > currentVersion)
        return unavailable(QStringLiteral("This database uses schema version %1, written by a newer AI Settings; "
                                          "update the program to open it.")
                               .arg(from));
    if (from >= target)
        return success();
    if (from < 1 && target >= 1) {
        if (Status s = run(db, version1, 1); !s)
            return s;
        if (Status s = insertInitialValues(db, catalog, creator); !s)
            return s;
    }
    if (from < 2 && target >= 2) {
        if (Status s = run(db, version2, 2); !s)
            return s;
        if (Status s = backfillTotals(db); !s)
            return s;
    }
    if (from < 3 && target >= 3) {
        if (Status s = addInstallId(db); !s)
            return s;
    }
    if (Status s = setVersion(db, target); !s)
        return s;
    return tx.commit();
}

} // namespace Schema
