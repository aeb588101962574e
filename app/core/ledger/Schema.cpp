#include "ledger/Schema.h"

#include "ledger/SqlSupport.h"
#include "ledger/UsageTotals.h"
#include "model/KeyVerdict.h"
#include "model/Settings.h"
#include "rules/BillingPeriod.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QSqlRecord>
#include <QStringList>
#include <QUuid>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Schema)
};
} // namespace

namespace Schema {

namespace {

// Plain SQL that SQLite and PostgreSQL both accept: BIGINT instants (ms since the epoch), TEXT ids.
const char* const version1[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "INSERT INTO schema_version (version) VALUES (0)",
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE TABLE members (user_name TEXT PRIMARY KEY, role TEXT NOT NULL)",
    createUsageEvents,
    // The rate limit counts one tenant's queries of one billing kind in the last hour.
    createRateLimitIndex,
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
    if (Status s = Sql::exec(q, Words::tr("giving the database its id")); !s)
        return s;
    // The model ids the key could see at its last check, space-separated.
    return Sql::execText(db, QStringLiteral("ALTER TABLE key_state ADD COLUMN models TEXT NOT NULL DEFAULT ''"),
                         Words::tr("creating schema version 3"));
}

template <size_t N> Status run(const QSqlDatabase& db, const char* const (&statements)[N], int toVersion)
{
    for (const char* sql : statements)
        if (Status s =
                Sql::execText(db, QString::fromLatin1(sql), Words::tr("creating schema version %1").arg(toVersion));
            !s)
            return s;
    return success();
}

Status insertInitialValues(const QSqlDatabase& db, const Catalog& catalog, const QString& creator)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"));
    for (const auto& [name, value] : Settings::initialValues(catalog)) {
        q.bindValue(0, name);
        q.bindValue(1, value);
        if (Status s = Sql::exec(q, Words::tr("writing the initial settings")); !s)
            return s;
    }
    QSqlQuery m(db);
    m.prepare(QStringLiteral("INSERT INTO members (user_name, role) VALUES (?, 'owner')"));
    m.bindValue(0, creator);
    return Sql::exec(m, Words::tr("adding the database's owner"));
}

// Fills the totals from the events an older version already held.
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

// Version 7 dates plan changes (a period's allocation is the plan in force then) and indexes the audit trail by
// time for the activity log. A ledger that already changed plan gets its history from its audit trail.
Status addPlanHistory(const QSqlDatabase& db, int from)
{
    for (const char* sql :
         {"CREATE TABLE plan_changes (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, from_plan TEXT NOT NULL, "
          "to_plan TEXT NOT NULL)",
          "CREATE INDEX audit_log_by_time ON audit_log (at)"})
        if (Status s = Sql::execText(db, QString::fromLatin1(sql), Words::tr("creating schema version 7")); !s)
            return s;
    if (from < 1)
        return success();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT at, change FROM audit_log WHERE subject = 'plan' ORDER BY at")))
        return Sql::storageFailure(q.lastError(), Words::tr("reading the plan's audit trail"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO plan_changes (seq, at, from_plan, to_plan) VALUES (?, ?, ?, ?)"));
    qint64 seq = 0;
    while (q.next()) {
        const QStringList parts = q.value(1).toString().split(QStringLiteral(" -> "));
        if (parts.size() != 2 || parts[0] == parts[1])
            continue;
        insert.bindValue(0, ++seq);
        insert.bindValue(1, q.value(0));
        insert.bindValue(2, parts[0]);
        insert.bindValue(3, parts[1]);
        if (Status s = Sql::exec(insert, Words::tr("dating the plan changes")); !s)
            return s;
    }
    return success();
}

Failure newerVersion(int version)
{
    return unavailable(Words::tr("This database uses schema version %1, written by a newer AI Settings; "
                                 "update the program to open it.")
                           .arg(version));
}

Status setVersion(const QSqlDatabase& db, int v)
{
    return Sql::execText(db, QStringLiteral("UPDATE schema_version SET version = %1").arg(v),
                         Words::tr("recording the schema version"));
}

} // namespace

Result<int> version(const QSqlDatabase& db)
{
    const QString file = db.databaseName();
    if (!Sql::isPostgres(db)) {
        // db.tables() says nothing when the file is not SQLite at all; ask SQLite itself.
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
            if (probe.lastError().nativeErrorCode() == QLatin1String("26")) // SQLITE_NOTADB
                return unavailable(Words::tr("%1 is not an AI Settings database: it is not an SQLite file at all; "
                                             "nothing was changed.")
                                       .arg(Text::escaped(file, 200)));
            return Sql::storageFailure(probe.lastError(), Words::tr("reading the database's tables"));
        }
    }
    // Listing every table is one slow catalog query on PostgreSQL: ask for the one table first.
    QSqlQuery known(db);
    const bool hasVersionTable =
        known.exec(Sql::isPostgres(db)
                       ? QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")
                       : QStringLiteral(
                             "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) &&
        known.next() && known.value(0).toBool();
    known.finish();
    const QStringList tables =
        hasVersionTable ? QStringList{QStringLiteral("schema_version")} : db.tables(QSql::Tables);
    if (!tables.contains(QStringLiteral("schema_version"))) {
        if (!tables.isEmpty())
            return unavailable(
                Words::tr("%1 is not an AI Settings database: it holds another program's tables "
                          "(%2); nothing was changed.")
                    .arg(Text::escaped(file, 200), Text::escaped(tables.mid(0, 3).join(QStringLiteral(", ")))));
        return 0;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return Sql::storageFailure(q.lastError(), Words::tr("reading the schema version"));
    QStringList found;
    while (q.next() && found.size() < 3)
        found << q.value(0).toString();
    if (found.isEmpty())
        return unavailable(Words::tr("%1 is damaged: its schema_version table is empty, so the version that "
                                     "wrote it is unknown; nothing was changed.")
                               .arg(Text::escaped(file, 200)));
    bool isNumber = false;
    const int v = found.first().toInt(&isNumber);
    if (found.size() > 1 || !isNumber || v < 1)
        return unavailable(Words::tr("%1 is damaged: its schema_version table holds %2, which no version of AI "
                                     "Settings writes; nothing was changed.")
                               .arg(Text::escaped(file, 200), Text::quoted(found.join(QStringLiteral(", ")))));
    return v;
}

Status migrate(const QSqlDatabase& db, const Catalog& catalog, const QString& creator, int target)
{
    // Looked at without a lock first: a database that is up to date needs no write lock, so opening it for a
    // report or the window never waits behind a writer such as a long import (WAL readers do not block).
    const Result<int> seen = version(db);
    if (!seen)
        return seen.failure();
    if (seen.value() > currentVersion)
        return newerVersion(seen.value());
    if (seen.value() >= target)
        return success();

    Sql::WriteTransaction tx(db, Sql::WriteTransaction::Lock::Schema);
    if (Status s = tx.begin(); !s)
        return s;
    // Read again inside the lock: another process may have migrated the file while this one waited.
    const Result<int> found = version(db);
    if (!found)
        return found.failure();
    const int from = found.value();
    if (from > currentVersion)
        return newerVersion(from);
    if (from >= target)
        return success();
    if (Status s = upgrade(db, catalog, creator, from, target); !s)
        return s;
    return tx.commit();
}

Status upgrade(const QSqlDatabase& db, const Catalog& catalog, const QString& creator, int from, int target)
{
    if (from < 1 && target >= 1) {
        if (Status s = run(db, version1, 1); !s)
            return s;
        if (Status s = insertInitialValues(db, catalog, creator); !s)
            return s;
    }
    if (from < 2 && target >= 2) {
        if (Status s = run(db, version2, 2); !s)
            return s;
    }
    if (from < 3 && target >= 3) {
        if (Status s = addInstallId(db); !s)
            return s;
    }
    if (from < 4 && target >= 4) {
        // Version 4 keeps when a throttled key may be checked again.
        if (Status s = Sql::execText(db, QStringLiteral("ALTER TABLE key_state ADD COLUMN retry_at BIGINT"),
                                     Words::tr("creating schema version 4"));
            !s)
            return s;
    }
    if (from < 5 && target >= 5) {
        // Version 5: on a shared ledger a key sits in one machine's keychain; the others must know whose.
        if (Status s =
                Sql::execText(db, QStringLiteral("ALTER TABLE key_state ADD COLUMN holder TEXT NOT NULL DEFAULT ''"),
                              Words::tr("creating schema version 5"));
            !s)
            return s;
    }
    if (from < 6 && target >= 6) {
        // Version 6 keeps totals per local day too, so that the daily chart does not read every event.
        if (Status s = Sql::execText(
                db,
                QStringLiteral("CREATE TABLE usage_daily (day_start BIGINT NOT NULL, tenant TEXT NOT NULL, "
                               "runs BIGINT NOT NULL, credits BIGINT NOT NULL, byok_runs BIGINT NOT NULL, "
                               "PRIMARY KEY (day_start, tenant))"),
                Words::tr("creating schema version 6"));
            !s)
            return s;
        // The totals of a ledger that already holds events are filled from them (versions 2 and 6 both add totals).
        if (from >= 1)
            if (Status s = backfillTotals(db); !s)
                return s;
    }
    if (from < 7 && target >= 7) {
        if (Status s = addPlanHistory(db, from); !s)
            return s;
    }
    if (from < 8 && target >= 8) {
        // Version 8: on PostgreSQL writers serialise on this one row, a lock only those who may use the ledger's
        // tables can take (an advisory lock could be taken, and held, by any role on the server).
        for (const char* sql :
             {"CREATE TABLE ledger_lock (id INTEGER PRIMARY KEY)", "INSERT INTO ledger_lock (id) VALUES (1)"})
            if (Status s = Sql::execText(db, QString::fromLatin1(sql), Words::tr("creating schema version 8")); !s)
                return s;
    }
    // Version 9 is the shared ledger's own schema and privileges, which PostgresGuard::init adds, and version 10
    // its import staging; an SQLite file has nothing to change for either.
    if (from >= 1 && from < 11 && target >= 11)
        if (Status s = storeVerdictsAsFacts(db); !s)
            return s;
    if (from < 12 && target >= 12)
        if (Status s = Sql::execText(db, QString::fromLatin1(createCalendarChanges),
                                     Words::tr("creating schema version %1").arg(12));
            !s)
            return s;
    if (from < 13 && target >= 13)
        if (Status s = Sql::execText(db, QString::fromLatin1(createUsageKeys),
                                     Words::tr("creating schema version %1").arg(13));
            !s)
            return s;
    if (from < 14 && target >= 14)
        for (const char* sql : createProviderReports)
            if (Status s = Sql::execText(db, QString::fromLatin1(sql), Words::tr("creating schema version %1").arg(14));
                !s)
                return s;
    return setVersion(db, target);
}

Status storeVerdictsAsFacts(const QSqlDatabase& db)
{
    const QString doing = Words::tr("creating schema version 11");
    QSqlQuery read(db);
    if (!read.exec(QStringLiteral("SELECT tenant, provider, message FROM key_state")))
        return Sql::storageFailure(read.lastError(), doing);
    QVector<QStringList> rows;
    while (read.next())
        rows.append({read.value(0).toString(), read.value(1).toString(), read.value(2).toString()});
    read.finish();
    QSqlQuery write(db);
    write.prepare(QStringLiteral("UPDATE key_state SET message = ? WHERE tenant = ? AND provider = ?"));
    for (const QStringList& row : rows) {
        const QString facts = KeyVerdict::fromStored(row.at(2)).toStored();
        if (facts == row.at(2))
            continue;
        write.addBindValue(facts);
        write.addBindValue(row.at(0));
        write.addBindValue(row.at(1));
        if (!write.exec())
            return Sql::storageFailure(write.lastError(), doing);
    }
    return success();
}

Failure notAnOpenableSharedLedger(const QSqlDatabase& db, int version, const QString& location)
{
    if (version > currentVersion)
        return newerVersion(version);
    const QString address = Text::escaped(location, 200);
    QSqlQuery old(db);
    if (old.exec(QStringLiteral("SELECT pg_catalog.to_regclass('public.schema_version') IS NOT NULL")) && old.next() &&
        old.value(0).toBool())
        return unavailable(Words::tr("%1 holds a ledger of an older AI Settings in the schema public, which every role "
                                     "may write; a superuser creates a guarded one in a new database with db init, "
                                     "and db copy moves the old one there.")
                               .arg(address));
    if (version == 0)
        return unavailable(Words::tr("%1 holds no AI Settings ledger yet; a superuser of the server creates one with: "
                                     "ai-settings --db URI db init --owner ROLE.")
                               .arg(address));
    return unavailable(
        Words::tr("%1 holds a ledger of schema version %2; a superuser of the server upgrades it with db init.")
            .arg(address)
            .arg(version));
}

} // namespace Schema
