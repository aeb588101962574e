// Ledger::copyTo: moving a whole ledger between SQLite and PostgreSQL, or between two files.
#include "ledger/Ledger.h"

#include "ledger/DatabaseAddress.h"
#include "ledger/postgres/PostgresGuard.h"
#include "ledger/Schema.h"
#include "ledger/SqlSupport.h"
#include "support/Text.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlRecord>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(LedgerCopy)
};
} // namespace

namespace {

// Rows are inserted in prepared batches of this many, through Qt's batch binding.
constexpr int batchRows = 2000;

Status copyTable(const QSqlDatabase& from, const QSqlDatabase& to, const QString& table, qint64& copied)
{
    QSqlQuery read(from);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT * FROM %1").arg(table)))
        return Sql::storageFailure(read.lastError(), Words::tr("reading %1").arg(table));
    const QSqlRecord columns = read.record();
    QStringList names, marks;
    for (int i = 0; i < columns.count(); ++i) {
        names << columns.fieldName(i);
        marks << QStringLiteral("?");
    }
    QSqlQuery write(to);
    if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                           .arg(table, names.join(QLatin1String(", ")), marks.join(QLatin1String(", ")))))
        return Sql::storageFailure(write.lastError(), Words::tr("writing %1").arg(table));
    QVector<QVariantList> batch(columns.count());
    const auto flush = [&]() -> Status {
        if (batch.first().isEmpty())
            return success();
        for (int i = 0; i < batch.size(); ++i)
            write.addBindValue(batch[i]);
        if (!write.execBatch())
            return Sql::storageFailure(write.lastError(), Words::tr("writing %1").arg(table));
        for (QVariantList& column : batch)
            column.clear();
        return success();
    };
    while (read.next()) {
        for (int i = 0; i < columns.count(); ++i)
            batch[i] << read.value(i);
        ++copied;
        if (batch.first().size() >= batchRows)
            if (Status s = flush(); !s)
                return s;
    }
    if (read.lastError().isValid())
        return Sql::storageFailure(read.lastError(), Words::tr("reading %1").arg(table));
    return flush();
}

// A shared ledger is copied into one that a superuser created with db init and that holds nothing yet; the copy
// writes history, members and the audit trail as they are, which only the ledger's owning role may do.
Status prepareSharedTarget(const QSqlDatabase& to, const DatabaseAddress& address, int version)
{
    if (version != Schema::currentVersion)
        return Schema::notAnOpenableSharedLedger(to, version, address.text);
    const auto ledger = PostgresGuard::ledgerRole(to);
    if (!ledger)
        return ledger.failure();
    QSqlQuery used(to);
    if (!used.exec(QStringLiteral("SELECT (SELECT count(*) FROM usage_events) + (SELECT count(*) FROM tenants) + "
                                  "(SELECT count(*) FROM audit_log) + (SELECT count(*) FROM key_state) + "
                                  "(SELECT count(*) FROM usage_keys) + "
                                  "(SELECT count(*) FROM plan_changes)")) ||
        !used.next())
        return Sql::storageFailure(used.lastError(), Words::tr("preparing the copy"));
    if (used.value(0).toLongLong() > 0)
        return refused(Words::tr("%1 already holds usage, tenants, keys or an audit trail; db copy writes only into a "
                                 "ledger that holds nothing yet.")
                           .arg(Text::escaped(address.text, 200)));
    used.finish();
    QSqlQuery become(to);
    if (!become.exec(QStringLiteral("SET LOCAL ROLE %1")
                         .arg(to.driver()->escapeIdentifier(ledger.value(), QSqlDriver::FieldName))))
        return refused(Words::tr("Copying into a shared ledger needs a superuser of the server: the copy writes the "
                                 "history, the members and the audit trail as they are."));
    return Sql::execText(to, QStringLiteral("DELETE FROM settings"), Words::tr("preparing the copy"));
}

// On a shared ledger the members are grants: each needs its login role on the server.
Status grantMembers(const QSqlDatabase& from, const QSqlDatabase& to, qint64& copied)
{
    QSqlQuery read(from);
    if (!read.exec(QStringLiteral("SELECT user_name, role FROM members ORDER BY user_name")))
        return Sql::storageFailure(read.lastError(), Words::tr("reading members"));
    QSqlQuery groups(to);
    if (!groups.exec(QStringLiteral("SELECT role, pg_role FROM ledger_roles")))
        return Sql::storageFailure(groups.lastError(), Words::tr("reading the ledger's roles"));
    QHash<QString, QString> groupOf;
    while (groups.next())
        groupOf.insert(groups.value(0).toString(), groups.value(1).toString());
    QStringList missing;
    QVector<QPair<QString, QString>> grants;
    while (read.next()) {
        const QString user = read.value(0).toString();
        const auto exists = PostgresGuard::roleExists(to, user);
        if (!exists)
            return exists.failure();
        if (!exists.value())
            missing << user;
        else
            grants.append({user, groupOf.value(read.value(1).toString(), groupOf.value(QStringLiteral("viewer")))});
    }
    if (!missing.isEmpty())
        return refused(
            Words::tr("The members %1 have no login role on the server; create them first (createuser NAME), "
                      "then copy again.")
                .arg(Text::escaped(missing.join(QStringLiteral(", ")), 300)));
    for (const auto& [user, group] : grants) {
        const QSqlDriver* driver = to.driver();
        if (Status s = Sql::execText(to,
                                     QStringLiteral("GRANT %1 TO %2")
                                         .arg(driver->escapeIdentifier(group, QSqlDriver::FieldName),
                                              driver->escapeIdentifier(user, QSqlDriver::FieldName)),
                                     Words::tr("writing members"));
            !s)
            return s;
        ++copied;
    }
    return success();
}

} // namespace

Result<QVector<QPair<QString, qint64>>> Ledger::copyTo(const QString& target)
{
    if (Status s = m_db->requireAdministrator(Words::tr("Copying the ledger")); !s)
        return s.failure();
    const auto address = DatabaseAddress::parse(target);
    if (!address)
        return address.failure();
    if (target == m_db->location())
        return badInput(Words::tr("The copy must go to another database than the one it copies."));
    const QString connection = m_db->connectionName() + QStringLiteral("-copy");
    auto result = copyInto(address.value(), connection);
    // Every handle on the connection is gone by now: it can be dropped whatever the outcome.
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<QVector<QPair<QString, qint64>>> Ledger::copyInto(const DatabaseAddress& address, const QString& connection)
{
    const auto opened = Database::connect(address, connection, writeWaitMs);
    if (!opened)
        return opened.failure();
    QSqlDatabase to = opened.value();
    Sql::WriteTransaction tx(to, Sql::WriteTransaction::Lock::Schema); // an empty database: no lock row yet
    if (Status s = tx.begin(); !s)
        return s.failure();
    const auto version = Schema::version(to);
    if (!version)
        return version.failure();
    if (address.postgres) {
        if (Status s = prepareSharedTarget(to, address, version.value()); !s)
            return s.failure();
    } else {
        if (version.value() != 0)
            return refused(Words::tr("%1 already holds a ledger; db copy writes only into an empty database.")
                               .arg(Text::escaped(address.text, 200)));
        // The same schema as a new ledger, without a new ledger's defaults: those come from the copy.
        if (Status s = Schema::upgrade(to, m_db->catalog(), m_db->userName(), 0, Schema::currentVersion); !s)
            return s.failure();
        for (const char* table : {"settings", "members"})
            if (Status s = Sql::execText(to, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)),
                                         QStringLiteral("preparing the copy"));
                !s)
                return s.failure();
    }
    // One snapshot of the source: an event recorded meanwhile is either wholly in the copy or not at all.
    Sql::ReadTransaction snapshot(m_db->handle());
    if (Status s = snapshot.begin(); !s)
        return s.failure();
    QVector<QPair<QString, qint64>> copied;
    for (const char* table : Schema::tables) {
        qint64 rows = 0;
        const bool grants = address.postgres && qstrcmp(table, "members") == 0;
        if (Status s = grants ? grantMembers(m_db->handle(), to, rows)
                              : copyTable(m_db->handle(), to, QLatin1String(table), rows);
            !s)
            return s.failure();
        copied.append({QLatin1String(table), rows});
    }
    if (Status s = tx.commit(); !s)
        return s.failure();
    return copied;
}
