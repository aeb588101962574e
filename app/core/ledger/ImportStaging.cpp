#include "ledger/ImportStaging.h"

#include "ledger/postgres/PostgresBulkInsert.h"
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

// The lines that repeat an id of an earlier line: how many, and the first (SQLite; the ledger's function
// staged_duplicates asks PostgreSQL the same).
constexpr const char* sqliteRepeatsSql =
    "WITH repeated AS (SELECT s.line, s.id FROM temp.import_staging s "
    "JOIN (SELECT f.id, min(f.line) AS first FROM temp.import_staging f GROUP BY f.id HAVING count(*) > 1) d "
    "ON d.id = s.id AND s.line > d.first) "
    "SELECT (SELECT count(*) FROM repeated), r.line, r.id FROM repeated r ORDER BY r.line LIMIT 1";
} // namespace

ImportStaging::ImportStaging(QSqlDatabase db, QString recordedBy)
    : m_db(std::move(db)), m_recordedBy(std::move(recordedBy)), m_postgres(PostgresBulkInsert::available(m_db))
{
}

ImportStaging::~ImportStaging()
{
    if (m_prepared && !m_postgres)
        SqliteBulkInsert::dropStaging(m_db);
}

Status ImportStaging::prepare()
{
    Status s = m_postgres ? PostgresBulkInsert::prepareStaging(m_db) : SqliteBulkInsert::createStaging(m_db);
    m_prepared = s.ok();
    return s;
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
    return m_postgres ? PostgresBulkInsert::copyStaged(m_db, valid, m_recordedBy)
                      : SqliteBulkInsert::stage(m_db, valid);
}

Result<ImportStaging::Repeats> ImportStaging::repeatedIds()
{
    if (!m_postgres)
        if (Status s = SqliteBulkInsert::sortStaging(m_db); !s)
            return s.failure();
    QSqlQuery q(m_db);
    const QString sql =
        m_postgres ? QStringLiteral("SELECT repeats, first_line, first_id FROM ai_settings.staged_duplicates()")
                   : QString::fromLatin1(sqliteRepeatsSql);
    if (!q.exec(sql))
        return Sql::storageFailure(q.lastError(), Words::tr("checking the events"));
    Repeats repeats;
    if (q.next() && q.value(0).toLongLong() > 0)
        repeats = {q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()};
    return repeats;
}

Result<ImportStaging::Added> ImportStaging::move(const std::function<void(const UsageEvent&)>& inserted,
                                                 const ImportProgress::Callback& progress)
{
    if (m_postgres) {
        const auto added = PostgresBulkInsert::moveStaged(m_db);
        if (!added)
            return added.failure();
        return Added{added->events, added->credits};
    }
    Added added;
    const Status moved = SqliteBulkInsert::moveStaged(
        m_db, m_recordedBy,
        [&](const UsageEvent& e) {
            ++added.events;
            added.credits += e.credits;
            inserted(e);
        },
        m_staged, progress);
    if (!moved)
        return moved.failure();
    return added;
}

Status ImportStaging::addMovedToTotals()
{
    return PostgresBulkInsert::addMovedToTotals(m_db);
}
