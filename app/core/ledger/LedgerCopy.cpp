// Ledger::copyTo: moving a whole ledger between SQLite and PostgreSQL, or between two files.
#include "Ledger.h"

#include "DatabaseAddress.h"
#include "Schema.h"
#include "SqlSupport.h"
#include "Text.h"

#include <QCoreApplication>
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
    if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, names.join(QLatin1String(", ")),
                                                                             marks.join(QLatin1String(", ")))))
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
    if (version.value() != 0)
        return refused(Words::tr("%1 already holds a ledger; db copy writes only into an empty database.")
                           .arg(Text::escaped(address.text, 200)));
    // The same schema as a new ledger, without a new ledger's defaults: those come from the copy.
    if (Status s = Schema::upgrade(to, m_db->catalog(), m_db->userName(), 0, Schema::currentVersion); !s)
        return s.failure();
    for (const char* table : {"settings", "members"})
        if (Status s = Sql::execText(to, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), QStringLiteral("preparing the copy")); !s)
            return s.failure();
    // One snapshot of the source: an event recorded meanwhile is either wholly in the copy or not at all.
    Sql::ReadTransaction snapshot(m_db->handle());
    if (Status s = snapshot.begin(); !s)
        return s.failure();
    QVector<QPair<QString, qint64>> copied;
    for (const char* table : Schema::tables) {
        qint64 rows = 0;
        if (Status s = copyTable(m_db->handle(), to, QLatin1String(table), rows); !s)
            return s.failure();
        copied.append({QLatin1String(table), rows});
    }
    if (Status s = tx.commit(); !s)
        return s.failure();
    return copied;
}
