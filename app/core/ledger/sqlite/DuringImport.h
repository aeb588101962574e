#pragma once

#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <memory>

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
    // Opens the file and takes its write lock, waiting at most `waitMs`.
    static Result<std::unique_ptr<DuringImport>> lock(const QString& ledgerFile, int waitMs);

    ~DuringImport(); // gives the lock back, writing nothing that was not committed
    DuringImport(const DuringImport&) = delete;
    DuringImport& operator=(const DuringImport&) = delete;

    Result<QVector<Row>> rows();
    Status add(const QVector<UsageEvent>& events, const QString& recordedBy);
    // Empties the file (after the ledger's commit has taken its events) and gives the lock back.
    Status removeAllAndCommit();
    Status commit();

private:
    explicit DuringImport(QString connectionName) : m_connectionName(std::move(connectionName)) {}
    QSqlDatabase handle() const;
    QString m_connectionName;
    bool m_open = false;
};
