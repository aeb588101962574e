#include "ledger/SqlSupport.h"

#include "ledger/sqlite/ImportNote.h"
#include "ledger/sqlite/SqliteBulkInsert.h"
#include "support/IsoTime.h"
#include "words/UsageSentences.h"

#include <QCoreApplication>
#include <QSqlDriver>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Sql)
};
} // namespace

namespace Sql {

namespace {

// The advisory lock that serialises creating and upgrading one PostgreSQL ledger's schema ("AISL" in ASCII).
constexpr qint64 schemaLockKey = 0x4149534C;

// Who holds the ledger's write lock: the roles whose sessions hold the lock row (a row lock shows in pg_locks as
// the table's RowShareLock), named for the writer that gave up waiting.
QString lockHolders(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT DISTINCT a.usename FROM pg_catalog.pg_locks l "
            "JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.relation = pg_catalog.to_regclass('ai_settings.ledger_lock') AND l.mode = 'RowShareLock' "
            "AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()")))
        return {};
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names.join(QStringLiteral(", "));
}

// The writer waited its bound for the write lock, which `holders` (when known) kept.
Failure lockWaitGaveUp(const QString& holders)
{
    Failure busy = unavailable(
        holders.isEmpty()
            ? Words::tr("The ledger is busy: another writer held its write lock for more than %Ln second(s); nothing "
                        "was written.",
                        nullptr, writeWaitMs / 1000)
            : Words::tr("The ledger is busy: %1 held its write lock for more than %Ln second(s); nothing was written.",
                        nullptr, writeWaitMs / 1000)
                  .arg(holders));
    busy.busy = true;
    return busy;
}

} // namespace

Failure storageFailure(const QSqlError& error, const QString& doing)
{
    const QString code = error.nativeErrorCode();
    // SQLite's SQLITE_BUSY (5) and SQLITE_LOCKED (6): another process kept the file longer than the busy timeout.
    if (code == QLatin1String("5") || code == QLatin1String("6")) {
        Failure busy =
            unavailable(Words::tr("The database is busy: another program kept it locked while %1.").arg(doing));
        busy.busy = true;
        return busy;
    }
    // One line, whatever the driver says: libpq breaks its messages over lines ("…unexpectedly\n\tThis probably
    // means…"), and a lost connection may give no text at all.
    QString detail = error.databaseText().simplified();
    if (detail.isEmpty())
        detail = error.driverText().simplified();
    if (detail.endsWith(QLatin1String(" ()"))) // Qt's note of the SQLSTATE, when there is none
        detail.chop(3);
    while (detail.endsWith(QLatin1Char('.')))
        detail.chop(1);
    Failure failure =
        detail.isEmpty()
            ? unavailable(
                  Words::tr("The database failed while %1 and gave no reason; the connection may be lost.").arg(doing))
            : unavailable(Words::tr("The database failed while %1: %2.").arg(doing, detail));
    // SQLSTATE class 08 is a connection exception; 57P01-57P03 a server shutting down, crashed or starting; an
    // error without a code or text is libpq finding the socket closed.
    failure.connectionLost = code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") ||
                             code == QLatin1String("57P02") || code == QLatin1String("57P03") ||
                             (code.isEmpty() && error.type() == QSqlError::StatementError && detail.isEmpty());
    return failure;
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

bool isPostgres(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

const void* connectionOf(const QSqlDatabase& db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Both drivers hand out a pointer to their library's connection.
    return handle.isValid() ? *static_cast<const void* const*>(handle.constData()) : nullptr;
}

WriteTransaction::~WriteTransaction()
{
    if (m_open && m_connection && connectionOf(m_db) == m_connection)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

Status WriteTransaction::begin()
{
    m_connection = connectionOf(m_db);
    if (!isPostgres(m_db)) {
        // SQLite's one lock is the file's: with LedgerRowLater the transaction that takes it begins in lock().
        if (m_lock == Lock::LedgerRowLater)
            return success();
        return beginImmediate();
    }
    // PostgreSQL: every writer of the ledger takes one transaction-scoped lock first, as SQLite's BEGIN IMMEDIATE
    // does, so that read-check-insert sequences (the pool, the rate limit, ids) are serialised across machines
    // instead of being retried after serialization failures. Statements after the lock see every earlier commit.
    // The wait is bounded as SQLite's is; the functions are pg_catalog's by name, so that none planted in a
    // schema on the path runs instead.
    Status s = execText(m_db, QStringLiteral("BEGIN"), Words::tr("starting a transaction"));
    m_open = s.ok();
    if (s)
        s = execText(m_db, QStringLiteral("SET LOCAL lock_timeout = %1").arg(writeWaitMs),
                     Words::tr("starting a transaction"));
    if (!s || m_lock == Lock::LedgerRowLater)
        return s;
    return lock();
}

Status WriteTransaction::lock()
{
    if (!isPostgres(m_db)) {
        if (m_open)
            return success(); // BEGIN IMMEDIATE took SQLite's
        return beginImmediate();
    }
    QSqlQuery lock(m_db);
    const bool locked =
        m_lock == Lock::Schema
            ? lock.exec(QStringLiteral("SELECT pg_catalog.pg_advisory_xact_lock(%1::bigint)").arg(schemaLockKey))
            // The ledger's function takes the row for members who may write (PostgresGuard).
            : lock.exec(QStringLiteral("SELECT ai_settings.take_write_lock()"));
    if (locked) {
        // Locking a row that someone deleted locks nothing: writers would no longer wait for each other.
        const bool held = m_lock == Lock::Schema || (lock.next() && lock.value(0).toBool());
        lock.finish();
        if (held)
            return success();
        return unavailable(Words::tr(
            "The ledger's write lock is missing (the row of ledger_lock was deleted); "
            "nothing was written. A superuser restores it with: INSERT INTO ai_settings.ledger_lock (id) VALUES (1)."));
    }
    const QSqlError error = lock.lastError();
    lock.finish();
    if (error.nativeErrorCode() != QLatin1String("55P03")) // lock_not_available: the bound passed
        return storageFailure(error, Words::tr("waiting for the ledger's write lock"));
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    m_open = false;
    return lockWaitGaveUp(m_lock != Lock::Schema ? lockHolders(m_db) : QString());
}

Status WriteTransaction::beginImmediate()
{
    if (m_tryOnce)
        SqliteBulkInsert::waitBriefly(m_db, 0);
    Status s = execText(m_db, QStringLiteral("BEGIN IMMEDIATE"), Words::tr("starting a transaction"));
    if (m_tryOnce)
        SqliteBulkInsert::waitBriefly(m_db, writeWaitMs);
    m_open = s.ok();
    if (s || !s.failure().busy || m_tryOnce)
        return s;
    // SQLite cannot say who holds its lock; an import leaves a note while it holds it for long.
    const auto import = ImportNote::holder(m_db.databaseName());
    return lockWaitGaveUp(
        import ? Words::tr("%1's import of %2 (started %3)")
                     .arg(import->userName, UsageSentences::events(import->events), IsoTime::formatUtc(import->since))
               : QString());
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
    if (m_open && m_connection && connectionOf(m_db) == m_connection)
        QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
}

Status ReadTransaction::begin()
{
    m_connection = connectionOf(m_db);
    // SQLite's deferred transaction takes its snapshot at the first read and keeps it to the end.
    const QString sql =
        isPostgres(m_db) ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN");
    Status s = execText(m_db, sql, Words::tr("starting a read transaction"));
    m_open = s.ok();
    return s;
}

} // namespace Sql
