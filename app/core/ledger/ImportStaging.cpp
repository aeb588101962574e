#include "ledger/ImportStaging.h"

#include "ledger/postgres/PostgresBulkInsert.h"
#include "ledger/sqlite/ImportTally.h"
#include "ledger/sqlite/SqliteBulkInsert.h"
#include "ledger/SqlSupport.h"
#include "rules/Identifiers.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};

} // namespace

ImportStaging::ImportStaging(QSqlDatabase db, QString recordedBy)
    : m_db(std::move(db)), m_recordedBy(std::move(recordedBy)), m_postgres(PostgresBulkInsert::available(m_db))
{
}

ImportStaging::~ImportStaging() = default;

Status ImportStaging::prepare()
{
    if (m_postgres)
        return PostgresBulkInsert::prepareStaging(m_db);
    // The C API on another library's handle would not be safe.
    if (!SqliteBulkInsert::available(m_db))
        return unavailable(
            Words::tr("This program's SQLite library is not the one its Qt driver uses, which importing needs."));
    m_runs = std::make_unique<ImportRuns>();
    return success();
}

Status ImportStaging::add(const QVector<ImportRow>& rows)
{
    // A row whose id is not valid is reported by the check and never moved; leaving it out keeps it from
    // being reported a second time as repeated.
    QVector<const ImportRow*> valid;
    valid.reserve(rows.size());
    for (const ImportRow& row : rows)
        if (Identifiers::isValidEventId(row.event.id))
            valid.append(&row);
    m_staged += valid.size();
    if (m_postgres)
        return PostgresBulkInsert::copyStaged(m_db, valid, m_recordedBy);
    for (const ImportRow* row : valid)
        if (Status s = m_runs->add(*row); !s)
            return s;
    return success();
}

Result<ImportStaging::Repeats> ImportStaging::repeatedIds()
{
    Repeats repeats;
    if (m_postgres) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT repeats, first_line, first_id FROM ai_settings.staged_duplicates()")))
            return Sql::storageFailure(q.lastError(), Words::tr("checking the events"));
        if (q.next() && q.value(0).toLongLong() > 0)
            repeats = {q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()};
        return repeats;
    }
    return m_runs->repeatedIds();
}

Result<ImportStaging::Added> ImportStaging::move(UsageTotals* totals, const ImportProgress::Callback& progress)
{
    if (m_postgres) {
        const auto added = PostgresBulkInsert::moveStaged(m_db);
        if (!added)
            return added.failure();
        return Added{added->events, added->credits};
    }
    Added added;
    ImportTally tally(totals->calendar());
    const Status moved = SqliteBulkInsert::moveSorted(
        m_db, m_recordedBy, *m_runs,
        [&](const ImportRuns::Row& row) {
            ++added.events;
            added.credits += row.credits;
            tally.add(row);
        },
        progress);
    if (moved)
        tally.addTo(*totals, *m_runs); // while the runs still hold the texts their numbers stand for
    m_runs.reset();                    // their memory and files, before the rest of the import
    if (!moved)
        return moved.failure();
    return added;
}

Status ImportStaging::addMovedToTotals()
{
    return PostgresBulkInsert::addMovedToTotals(m_db);
}
