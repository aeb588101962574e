#include "ledger/postgres/PostgresBulkInsert.h"

#include "ledger/postgres/PostgresConnection.h"
#include "ledger/SqlSupport.h"

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

// COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
void appendField(QByteArray& line, const QByteArray& value)
{
    for (char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

Failure copyFailure(PGconn* connection, const char* doing)
{
    return unavailable(Words::tr("The database failed while %1: %2.")
                           .arg(QLatin1String(doing), QString::fromUtf8(PQerrorMessage(connection)).simplified()));
}

Status finishCopy(PGconn* connection)
{
    if (PQputCopyEnd(connection, nullptr) != 1)
        return copyFailure(connection, "ending the import");
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQgetResult(connection), &PQclear);
    const bool ok = result && PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    // Read every remaining result, so that the connection is ready for the next statement.
    while (PGresult* more = PQgetResult(connection))
        PQclear(more);
    return ok ? success() : copyFailure(connection, "importing usage");
}

// The ledger's function moves the staged rows whose id is new into the events, in the caller's name, counts them
// per day for the totals, and says how many it added and their credits.
Result<Added> moveSkippingKnown(const QSqlDatabase& db)
{
    QSqlQuery move(db);
    if (!move.exec(QStringLiteral("SELECT added, credits FROM ai_settings.import_staged()")) || !move.next())
        return Sql::storageFailure(move.lastError(), Words::tr("importing usage"));
    return Added{move.value(0).toLongLong(), move.value(1).toLongLong()};
}

// Sends the rows to the staging table through COPY, each with its line in the file.
Status copyRows(PGconn* connection, const QVector<const ImportRow*>& rows, const QString& recordedBy)
{
    const char* command = "COPY pg_temp.import_staging (id, occurred_at, tenant, action, model, billing, credits, "
                          "recorded_by, line) FROM STDIN";
    std::unique_ptr<PGresult, decltype(&PQclear)> started(PQexec(connection, command), &PQclear);
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN)
        return copyFailure(connection, "starting the import");
    QByteArray by;
    appendField(by, recordedBy.toUtf8());
    QByteArray chunk;
    chunk.reserve(chunkBytes + 4096);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const UsageEvent& e = rows[i]->event;
        appendField(chunk, e.id.toUtf8());
        chunk += '\t' + QByteArray::number(e.occurredAt) + '\t';
        appendField(chunk, e.tenant.toUtf8());
        chunk += '\t';
        appendField(chunk, e.action.toUtf8());
        chunk += '\t';
        appendField(chunk, e.model.toUtf8());
        chunk += '\t' + CreditRules::billingId(e.billing).toLatin1() + '\t' + QByteArray::number(e.credits) + '\t' +
                 by + '\t' + QByteArray::number(rows[i]->line) + '\n';
        if (chunk.size() >= chunkBytes || i + 1 == rows.size()) {
            if (PQputCopyData(connection, chunk.constData(), int(chunk.size())) != 1)
                return copyFailure(connection, "importing usage");
            chunk.clear();
        }
    }
    return finishCopy(connection);
}

} // namespace

bool available(const QSqlDatabase& db)
{
    return PostgresConnection::of(db) != nullptr;
}

Status prepareStaging(const QSqlDatabase& db)
{
    // The staging table is the ledger's, dropped with the transaction: nothing of a cancelled or failed import
    // stays behind, and the caller may only insert into it.
    return Sql::execText(db, QStringLiteral("SELECT ai_settings.prepare_import()"), Words::tr("preparing the import"));
}

Status copyStaged(const QSqlDatabase& db, const QVector<const ImportRow*>& rows, const QString& recordedBy)
{
    if (rows.isEmpty())
        return success();
    return copyRows(PostgresConnection::of(db), rows, recordedBy);
}

Result<Added> moveStaged(const QSqlDatabase& db)
{
    return moveSkippingKnown(db);
}

Status addMovedToTotals(const QSqlDatabase& db)
{
    return Sql::execText(db, QStringLiteral("SELECT ai_settings.import_totals()"), Words::tr("importing usage"));
}

} // namespace PostgresBulkInsert
