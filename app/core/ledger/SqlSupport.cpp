#include "SqlSupport.h"

#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Sql)
};
} // namespace

namespace Sql {

namespace {

// The advisory lock that serialises writers of one PostgreSQL ledger ("AISL" in ASCII).
constexpr qint64 ledgerLockKey = 0x4149534C;

} // namespace

Failure storageFailure(const QSqlError& error, const QString& doing)
{
    const QString code = error.nativeErrorCode();
    // SQLite's SQLITE_BUSY (5) and SQLITE_LOCKED (6): another process kept the file longer than the busy timeout.
    if (code == QLatin1String("5") || code == QLatin1String("6"))
    {
        Failure busy = unavailable(Words::tr("The database is busy: another program kept it locked while %1.").arg(doing));
        busy.busy = true;
        return busy;
    }
    // One line, whatever the driver says: libpq breaks its messages over lines ("…unexpectedly\n\tThis probably
    // means…"), and a lost connection may give no text at all.
    QString detail = error.databaseText().simplified();
    if (detail.isEmpty())
        detail = error.driverText().simplified();
    while (detail.endsWith(QLatin1Char('.')))
        detail.chop(1);
    if (detail.isEmpty())
        return unavailable(Words::tr("The database failed while %1 and gave no reason; the connection may be lost.").arg(doing));
    return unavailable(Words::tr("The database failed while %1: %2.").arg(doing, detail));
}

Status exec(QSqlQuery& query, const QString& doing)
{
    if (!query.exec())
        return storageFailure(query.lastError(), doing);
    return success();
}

Result<qint64> number(QSqlQuery& query, const QString& doing)
{
    if (!query.exec())
        return storageFailure(query.lastError(), doing);
    const qint64 n = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return n;
}

Status execText(const QSqlDatabase& db, const QString& sql, const QString& doing)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return storageFailure(query.lastError(), doing);
    return success();
}

bool isPostgres(const QSqlDatabase& db) { return db.driverName() == QLatin1String("QPSQL"); }

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

Status WriteTransaction::begin()
{
    if (!isPostgres(m_db)) {
        Status s = execText(m_db, QStringLiteral("BEGIN IMMEDIATE"), Words::tr("starting a transaction"));
        m_open = s.ok();
        return s;
    }
    // PostgreSQL: every writer of the ledger takes one transaction-scoped lock first, as SQLite's BEGIN IMMEDIATE
    // does, so that read-check-insert sequences (the pool, the rate limit, ids) are serialised across machines
    // instead of being retried after serialization failures. Statements after the lock see every earlier commit.
    Status s = execText(m_db, QStringLiteral("BEGIN"), Words::tr("starting a transaction"));
    m_open = s.ok();
    if (s)
        s = execText(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(ledgerLockKey),
                     Words::tr("waiting for the ledger's write lock"));
    return s;
}

Status WriteTransaction::commit()
{
    Status s = execText(m_db, QStringLiteral("COMMIT"), Words::tr("committing"));
    if (s.ok())
        m_open = false;
    return s;
}

ReadTransaction::~ReadTransaction()
{
    if (m_open)
        QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
}

Status ReadTransaction::begin()
{
    // SQLite's deferred transaction takes its snapshot at the first read and keeps it to the end.
    const QString sql = isPostgres(m_db) ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                         : QStringLiteral("BEGIN");
    Status s = execText(m_db, sql, Words::tr("starting a read transaction"));
    m_open = s.ok();
    return s;
}

} // namespace Sql
