#pragma once

#include "support/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// Small helpers that turn Qt Sql's errors into one plain sentence and keep transactions balanced.
namespace Sql {

// How long a write waits for another writer's lock (SQLite's busy timeout, PostgreSQL's lock_timeout) before
// it is reported as busy.
inline constexpr int writeWaitMs = 10000;

Failure storageFailure(const QSqlError& error, const QString& doing);

// Executes an already prepared and bound statement.
Status exec(QSqlQuery& query, const QString& doing);
// Executes a prepared and bound statement that answers one number (a count, a sum) and answers it; 0 when it
// answers no row.
Result<qint64> number(QSqlQuery& query, const QString& doing);
// Executes a statement text once (schema changes, pragmas).
Status execText(const QSqlDatabase& db, const QString& sql, const QString& doing);

bool isPostgres(const QSqlDatabase& db);
// The driver's own connection under `db` (libpq's or SQLite's handle), or nullptr when closed: a transaction
// begun on one connection is not ended on the next one after a reconnect (that one never saw it).
const void* connectionOf(const QSqlDatabase& db);

// Qt binds a null QString as SQL NULL; empty texts (the install's tenant, an image's model) must stay ''.
inline QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

// A write transaction that takes the write lock at its start, so that read-check-insert sequences from
// several processes are serialised instead of failing at commit. Rolls back unless committed.
class WriteTransaction
{
public:
    // What a PostgreSQL writer locks: the ledger's lock row, or, while the schema is created or upgraded (when
    // that row may not exist yet), a transaction-scoped advisory lock.
    // LedgerRowLater: the transaction begins without it and lock() takes it (an import stages its rows first, so
    // that recorders are not held up meanwhile); on SQLite, whose one lock is the file's, lock() begins the
    // transaction.
    enum class Lock
    {
        LedgerRow,
        Schema,
        LedgerRowLater
    };
    explicit WriteTransaction(QSqlDatabase db, Lock lock = Lock::LedgerRow) : m_db(std::move(db)), m_lock(lock) {}
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    Status begin();
    // Takes the write lock (begin() does, unless LedgerRowLater): bounded by writeWaitMs, naming the holder.
    Status lock();
    // SQLite: the lock is tried once, without waiting (a recorder that finds an import holding it records beside
    // the ledger instead: DuringImport).
    void tryOnce() { m_tryOnce = true; }
    // Begun and neither committed nor rolled back yet.
    bool isOpen() const { return m_open; }
    Status commit();

private:
    Status beginImmediate(); // SQLite's write lock
    QSqlDatabase m_db;
    Lock m_lock;
    bool m_tryOnce = false;
    bool m_open = false;
    const void* m_connection = nullptr; // the driver's connection it began on
};

// A read-only transaction: every statement in it sees the same snapshot of the database. Ends when destroyed.
class ReadTransaction
{
public:
    explicit ReadTransaction(QSqlDatabase db) : m_db(std::move(db)) {}
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

    Status begin();

private:
    QSqlDatabase m_db;
    bool m_open = false;
    const void* m_connection = nullptr; // the driver's connection it began on
};

} // namespace Sql
