#pragma once

#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QHash>
#include <QVector>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

// The events recorded while an import holds a SQLite ledger's write lock, in a small file of their own beside the
// ledger (`<ledger>-during-import`). SQLite's one lock is the file's and an import holds it for about a minute at
// 10M events; a recorder would give up after its 10 seconds. Instead the import makes this file once it holds the
// ledger's lock, and a recorder that finds the ledger locked by an import decides on the ledger as it was last
// committed (reading needs no lock) together with the events here, and writes here, under this file's own lock.
//
// Every writer of events that holds the ledger's lock takes this file's lock too, before it reads anything, and
// keeps it to its commit: it moves the events here into the ledger (the import just before it commits), so that
// a recorder here never decides beside a writer it cannot see. The file is emptied after the ledger's commit; an
// event here that the ledger holds unchanged was moved by a writer that stopped between the two commits. The
// file is never removed: a recorder may have it open.
//
// Opened once for a ledger's connection and kept (SQLite's C API: no Qt connection to tie to a thread); used by
// one thread at a time, as the ledger is.
class DuringImport
{
public:
    struct Row
    {
        UsageEvent event;
        QString recordedBy;
    };

    static QString pathFor(const QString& ledgerFile);
    // Whether the ledger has the file (a ledger in memory never has).
    static bool exists(const QString& ledgerFile);
    // Makes the file (private, as the ledger) when it is missing; the import calls it under the ledger's lock.
    static Status create(const QString& ledgerFile);
    // Opens the ledger's file, which exists.
    static Result<std::unique_ptr<DuringImport>> open(const QString& ledgerFile);
    ~DuringImport();
    DuringImport(const DuringImport&) = delete;
    DuringImport& operator=(const DuringImport&) = delete;

    // Whether the file holds any event (read without its lock: a glance, for a ledger being opened).
    bool holdsEvents();

    // The file's write lock for one transaction, given back (writing nothing) when dropped uncommitted.
    class Lock
    {
    public:
        Lock(Lock&& other) noexcept : m_file(other.m_file), m_readRows(other.m_readRows) { other.m_file = nullptr; }
        Lock& operator=(Lock&&) = delete;
        ~Lock();
        Result<QVector<Row>> rows();
        Status add(const QVector<UsageEvent>& events, const QString& recordedBy);
        Status commit();
        // Empties the file of the rows read (after the ledger's commit has taken them), then commits. Writes
        // nothing when there were none: an empty delete would still cost the file's journal two syncs.
        Status removeAllAndCommit();

    private:
        friend class DuringImport;
        explicit Lock(DuringImport* file) : m_file(file) {}
        DuringImport* m_file;
        bool m_readRows = false;
    };
    // Waits at most `waitMs` for the lock.
    Result<Lock> lock(int waitMs);

private:
    explicit DuringImport(sqlite3* handle) : m_handle(handle) {}
    static Result<std::unique_ptr<DuringImport>> openPath(const QString& path);
    Status exec(const char* sql, const QString& doing);
    // A statement prepared once on the file's handle (a recorder asks for its rows at every write).
    Result<sqlite3_stmt*> statement(const char* sql, const QString& doing);
    sqlite3* m_handle;
    QHash<const char*, std::shared_ptr<sqlite3_stmt>> m_statements;
};
