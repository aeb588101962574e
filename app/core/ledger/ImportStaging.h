#pragma once

#include "ledger/sqlite/ImportRuns.h"
#include "model/ImportProgress.h"
#include "model/UsageEvent.h"
#include "support/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <memory>

class UsageTotals;

// Where an import's rows wait while the rest of the file is read and checked, so that a file of any size is
// imported in bounded memory, ids given twice are found before anything is written, and the ledger's write lock is
// taken only to move the rows in. On PostgreSQL a table of the ledger's (prepare_import, which only the import's
// caller may insert into); on SQLite sorted runs in memory and temporary files (ImportRuns), which take no lock on
// the ledger's file.
class ImportStaging
{
public:
    ImportStaging(QSqlDatabase db, QString recordedBy);
    ~ImportStaging();
    ImportStaging(const ImportStaging&) = delete;
    ImportStaging& operator=(const ImportStaging&) = delete;

    // Before the first rows; on PostgreSQL inside the caller's transaction, whose end drops the table.
    Status prepare();
    // Rows whose id is valid; each keeps its line.
    Status add(const QVector<ImportRow>& rows);
    qint64 staged() const { return m_staged; }

    // Once every row is staged: the rows whose id an earlier line gave already, how many, and the first of them.
    using Repeats = ImportRuns::Repeats;
    Result<Repeats> repeatedIds();

    // The rows whose id is not stored yet become events recorded by the caller, in id order: on SQLite under the
    // write lock (the file's one lock), added up into `totals` as they go in; on PostgreSQL without it, the ledger's
    // function counting them for addMovedToTotals (`totals` unused).
    struct Added
    {
        qint64 events = 0;
        qint64 credits = 0;
    };
    Result<Added> move(UsageTotals* totals, const ImportProgress::Callback& progress);
    // PostgreSQL, under the write lock, after move: the moved rows join the totals.
    Status addMovedToTotals();

private:
    QSqlDatabase m_db;
    QString m_recordedBy;
    bool m_postgres;
    std::unique_ptr<ImportRuns> m_runs; // SQLite
    qint64 m_staged = 0;
};
