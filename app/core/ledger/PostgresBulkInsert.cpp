#include "PostgresBulkInsert.h"

#include "ImportProgress.h"
#include "SqlSupport.h"

#include <QSet>
#include <QSqlDriver>
#include <QSqlQuery>

#include <libpq-fe.h>

#include <memory>
#include <QCoreApplication>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Sql)
};
} // namespace

namespace PostgresBulkInsert {

namespace {

// COPY sends this much at a time; libpq buffers it and the server reads it as a stream.
constexpr int chunkBytes = 1 << 20;

PGconn* handleOf(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt declares the handle by libpq's struct name; PGconn is its typedef.
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}

// COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
void appendField(QByteArray& line, const QByteArray& value)
{
    for (char c : value) {
        switch (c) {
        case '\\': line += "\\\\"; break;
        case '\t': line += "\\t"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += c;
        }
    }
}

Failure copyFailure(PGconn* connection, const char* doing)
{
    return unavailable(Words::tr("The database failed while %1: %2.")
                           .arg(QLatin1String(doing), QString::fromUtf8(PQerrorMessage(connection)).simplified()));
}

Status finishCopy(PGconn* connection, const char* error)
{
    if (PQputCopyEnd(connection, error) != 1)
        return copyFailure(connection, "ending the import");
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQgetResult(connection), &PQclear);
    const bool ok = result && PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    // Read every remaining result, so that the connection is ready for the next statement.
    while (PGresult* more = PQgetResult(connection))
        PQclear(more);
    if (error)
        return ImportProgress::cancelled();
    return ok ? success() : copyFailure(connection, "importing usage");
}

// One set-based insert that skips ids already stored; the rows it added come back, for the totals and the
// summary. In id order, so that each insert into the id index lands beside the last.
Status moveSkippingKnown(const QSqlDatabase& db, const std::function<void(const UsageEvent&)>& inserted)
{
    QSqlQuery move(db);
    move.setForwardOnly(true);
    if (!move.exec(QStringLiteral("INSERT INTO usage_events SELECT * FROM import_staging ORDER BY id ON CONFLICT (id) DO NOTHING "
                                  "RETURNING occurred_at, tenant, action, billing, credits")))
        return Sql::storageFailure(move.lastError(), Words::tr("importing usage"));
    UsageEvent e;
    while (move.next()) {
        e.occurredAt = move.value(0).toLongLong();
        e.tenant = move.value(1).toString();
        e.action = move.value(2).toString();
        e.billing = move.value(3).toString() == QLatin1String("byok") ? CreditRules::Billing::Byok : CreditRules::Billing::Credits;
        e.credits = move.value(4).toInt();
        inserted(e);
    }
    return success();
}

// Sends the rows (less those whose id is in `skip`) to `table` through COPY, reporting progress; a cancel ends
// the COPY with an error, which the caller's transaction rolls back.
Status copyRows(PGconn* connection, const char* table, const QVector<ImportRow>& rows, const QSet<QString>& skip,
                const QString& recordedBy, const Progress& progress)
{
    const QByteArray command = QByteArray("COPY ") + table +
                               " (id, occurred_at, tenant, action, model, billing, credits, recorded_by) FROM STDIN";
    std::unique_ptr<PGresult, decltype(&PQclear)> started(PQexec(connection, command.constData()), &PQclear);
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN)
        return copyFailure(connection, "starting the import");
    const QByteArray by = recordedBy.toUtf8();
    QByteArray chunk;
    chunk.reserve(chunkBytes + 4096);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const UsageEvent& e = rows[i].event;
        if (!skip.contains(e.id)) {
            appendField(chunk, e.id.toUtf8());
            chunk += '\t' + QByteArray::number(e.occurredAt) + '\t';
            appendField(chunk, e.tenant.toUtf8());
            chunk += '\t';
            appendField(chunk, e.action.toUtf8());
            chunk += '\t';
            appendField(chunk, e.model.toUtf8());
            chunk += '\t' + CreditRules::billingId(e.billing).toLatin1() + '\t' + QByteArray::number(e.credits) + '\t';
            appendField(chunk, by);
            chunk += '\n';
        }
        if (chunk.size() >= chunkBytes || (i + 1 == rows.size() && !chunk.isEmpty())) {
            if (PQputCopyData(connection, chunk.constData(), int(chunk.size())) != 1)
                return copyFailure(connection, "importing usage");
            chunk.clear();
        }
        if (!ImportProgress::report(progress, i + 1, rows.size()))
            return finishCopy(connection, "cancelled");
    }
    return finishCopy(connection, nullptr);
}

// For an import larger than the ledger: with the table locked, so that no recorder adds an id meanwhile, the ids
// already stored (fewer than the file's rows) are read, the id index goes, the new rows are copied straight into
// usage_events and the index is built again by sorting — a third of the time of inserting into it row by row,
// and no staging table to fill and read back. (usage_events_pkey is PostgreSQL's name for the primary key that
// schema version 1 declares.) All in the caller's transaction: a failure or a cancel gives the index back.
Status loadAndIndex(const QSqlDatabase& db, PGconn* connection, const QVector<ImportRow>& rows, const QString& recordedBy,
                    const std::function<void(const UsageEvent&)>& inserted, const Progress& progress)
{
    QSqlQuery known(db);
    known.setForwardOnly(true);
    if (!known.exec(QStringLiteral("LOCK TABLE usage_events IN EXCLUSIVE MODE")) || !known.exec(QStringLiteral("SELECT id FROM usage_events")))
        return Sql::storageFailure(known.lastError(), Words::tr("importing usage"));
    QSet<QString> stored;
    while (known.next())
        stored.insert(known.value(0).toString());
    known.finish();
    if (Status s = Sql::execText(db, QStringLiteral("ALTER TABLE usage_events DROP CONSTRAINT usage_events_pkey"), Words::tr("importing usage")); !s)
        return s;
    if (Status s = copyRows(connection, "usage_events", rows, stored, recordedBy, progress); !s)
        return s;
    if (Status s = Sql::execText(db, QStringLiteral("ALTER TABLE usage_events ADD CONSTRAINT usage_events_pkey PRIMARY KEY (id)"),
                                 Words::tr("importing usage"));
        !s)
        return s;
    for (const ImportRow& row : rows)
        if (!stored.contains(row.event.id))
            inserted(row.event);
    return success();
}

} // namespace

bool available(const QSqlDatabase& db) { return handleOf(db) != nullptr; }

Status insertEvents(const QSqlDatabase& db, const QVector<ImportRow>& rows, const QString& recordedBy,
                    const std::function<void(const UsageEvent&)>& inserted, const Progress& progress, bool loadThenIndex)
{
    PGconn* connection = handleOf(db);
    if (loadThenIndex)
        return loadAndIndex(db, connection, rows, recordedBy, inserted, progress);
    // Dropped with the transaction: nothing of a cancelled or failed import stays behind.
    if (Status s = Sql::execText(db, QStringLiteral("CREATE TEMP TABLE import_staging (LIKE usage_events) ON COMMIT DROP"),
                                 Words::tr("preparing the import"));
        !s)
        return s;
    if (Status s = copyRows(connection, "import_staging", rows, {}, recordedBy, progress); !s)
        return s;
    return moveSkippingKnown(db, inserted);
}

} // namespace PostgresBulkInsert
