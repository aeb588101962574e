#include "ledger/sqlite/SqliteBulkInsert.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include <unistd.h>

namespace {

// Import's insert (SQLite's move of the staged rows): an id already stored is skipped, which makes
// importing the same file twice add nothing.
constexpr const char* importEventSql =
    "INSERT INTO usage_events (id, occurred_at, tenant, action, model, billing, credits, recorded_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Sql)
};
} // namespace

namespace SqliteBulkInsert {

namespace {

sqlite3* handleOf(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QSQLITE"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

// Binds UTF-8 bytes that stay alive until the statement has run.
void bindText(sqlite3_stmt* statement, int index, const QByteArray& utf8)
{
    sqlite3_bind_text(statement, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
}

} // namespace

bool available(const QSqlDatabase& db)
{
    if (!handleOf(db))
        return false;
    // The same library answers both: the driver's connection and this program's sqlite3_libversion().
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sqlite_source_id()")) || !q.next())
        return false;
    return q.value(0).toString() == QLatin1String(sqlite3_sourceid());
}

sqlite3* connectionOf(const QSqlDatabase& db)
{
    return available(db) ? handleOf(db) : nullptr;
}

namespace {

int busyHandler(void* maxWaitMs, int attempt)
{
    // SQLite's write lock is not a queue: after a commit, whoever looks first takes it, often the writer that
    // just released it and comes back with its next event. So the longer a writer has waited, the more often it
    // looks: every 0.2 ms for the first half millisecond, every 25 µs until 5 ms, then every millisecond. The
    // writers that have waited longest get the lock, roughly in turn. With four recorders, in eleven runs paired
    // against looks every 0.1 ms throughout, the p99 per event fell 0.3–2.1 ms each time and the median rose
    // 0.2–0.4 ms (a newcomer waits a little); looks every 20–50 µs from the start gave nothing, quarter-millisecond
    // looks throughout a p99 about 1.5 ms higher. The time waited is measured: a sleep lasts longer than asked.
    using Clock = std::chrono::steady_clock;
    thread_local Clock::time_point since;
    if (attempt == 0)
        since = Clock::now();
    const auto waited = Clock::now() - since;
    if (waited >= std::chrono::milliseconds(reinterpret_cast<intptr_t>(maxWaitMs)))
        return 0;
    usleep(waited < std::chrono::microseconds(500) ? 200 : waited < std::chrono::milliseconds(5) ? 25 : 1000);
    return 1;
}

Failure failed(sqlite3* handle, int rc, const QString& doing)
{
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return unavailable(Words::tr("The database is busy: another program kept it locked while %1.").arg(doing));
    return unavailable(
        Words::tr("The database failed while %1: %2.").arg(doing, QString::fromUtf8(sqlite3_errmsg(handle))));
}

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

Result<Statement> prepared(sqlite3* handle, const char* sql, const QString& doing)
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr);
    if (rc != SQLITE_OK)
        return failed(handle, rc, doing);
    return Statement(statement, sqlite3_finalize);
}

Status execute(sqlite3* handle, const char* sql, const QString& doing)
{
    const int rc = sqlite3_exec(handle, sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? success() : Status(failed(handle, rc, doing));
}

} // namespace

void waitBriefly(const QSqlDatabase& db, int maxWaitMs)
{
    if (sqlite3* handle = connectionOf(db))
        waitBriefly(handle, maxWaitMs);
}

void waitBriefly(sqlite3* handle, int maxWaitMs)
{
    // The bound travels as the handler's argument: each connection keeps its own.
    sqlite3_busy_handler(handle, busyHandler, reinterpret_cast<void*>(static_cast<intptr_t>(maxWaitMs)));
}

Status createStaging(const QSqlDatabase& db)
{
    sqlite3* handle = connectionOf(db); // the C API on another library's handle would not be safe
    if (!handle)
        return unavailable(
            Words::tr("This program's SQLite library is not the one its Qt driver uses, which importing needs."));
    // In the temporary database: its writes take no lock on the ledger's file, and it goes with the connection.
    return execute(
        handle,
        "DROP TABLE IF EXISTS temp.import_staging; "
        "CREATE TEMP TABLE import_staging (line INTEGER NOT NULL, id TEXT NOT NULL, occurred_at INTEGER NOT NULL, "
        "tenant TEXT NOT NULL, action TEXT NOT NULL, model TEXT NOT NULL, billing TEXT NOT NULL, "
        "credits INTEGER NOT NULL)",
        Words::tr("preparing the import"));
}

Status sortStaging(const QSqlDatabase& db)
{
    // Sorted once, by an index that holds every column: the search for repeated ids and the move both read it in
    // id order, and neither sorts again. On one thread: each helper thread of SQLite's sorter takes a buffer of
    // its own (the page cache's size), which took a 10M import from 265 to 358 MiB.
    return execute(handleOf(db),
                   "CREATE INDEX temp.import_staging_by_id ON import_staging "
                   "(id, line, occurred_at, tenant, action, model, billing, credits)",
                   Words::tr("checking the events"));
}

void dropStaging(const QSqlDatabase& db)
{
    if (sqlite3* handle = handleOf(db))
        sqlite3_exec(handle, "DROP TABLE IF EXISTS temp.import_staging", nullptr, nullptr, nullptr);
}

Status stage(const QSqlDatabase& db, const QVector<const ImportRow*>& rows)
{
    sqlite3* handle = handleOf(db);
    const QString doing = Words::tr("reading the import");
    auto insert =
        prepared(handle,
                 "INSERT INTO temp.import_staging (line, id, occurred_at, tenant, action, model, billing, credits) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 doing);
    if (!insert)
        return insert.failure();
    sqlite3_stmt* statement = insert->get();
    // Tenants, actions and models repeat; convert each distinct text once.
    QHash<QString, QByteArray> utf8;
    const auto shared = [&utf8](const QString& text) -> const QByteArray& {
        auto it = utf8.find(text);
        if (it == utf8.end())
            it = utf8.insert(text, text.toUtf8());
        return it.value();
    };
    const QByteArray byok = CreditRules::billingId(CreditRules::Billing::Byok).toUtf8();
    const QByteArray credits = CreditRules::billingId(CreditRules::Billing::Credits).toUtf8();
    // One transaction a piece, on the temporary database only.
    if (Status s = execute(handle, "BEGIN", doing); !s)
        return s;
    for (const ImportRow* row : rows) {
        const UsageEvent& e = row->event;
        const QByteArray id = e.id.toUtf8();
        sqlite3_bind_int(statement, 1, row->line);
        bindText(statement, 2, id);
        sqlite3_bind_int64(statement, 3, e.occurredAt);
        bindText(statement, 4, shared(e.tenant));
        bindText(statement, 5, shared(e.action));
        bindText(statement, 6, shared(e.model));
        bindText(statement, 7, e.billing == CreditRules::Billing::Byok ? byok : credits);
        sqlite3_bind_int(statement, 8, e.credits);
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) {
            const Failure why = failed(handle, rc, doing);
            sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
            return why;
        }
    }
    return execute(handle, "COMMIT", doing);
}

Status moveStaged(const QSqlDatabase& db, const QString& recordedBy,
                  const std::function<void(const UsageEvent&)>& inserted, qint64 staged, const Progress& progress)
{
    sqlite3* handle = handleOf(db);
    const QString doing = Words::tr("importing usage");
    // In the order of the id index: each insert lands beside the last, which keeps a large import from reading a
    // page of the index for nearly every row once the index outgrows the page cache.
    auto select = prepared(
        handle, "SELECT id, occurred_at, tenant, action, model, billing, credits FROM temp.import_staging ORDER BY id",
        doing);
    if (!select)
        return select.failure();
    auto insert = prepared(handle, importEventSql, doing);
    if (!insert)
        return insert.failure();
    sqlite3_stmt* from = select->get();
    sqlite3_stmt* into = insert->get();
    const QByteArray by = recordedBy.toUtf8();
    bindText(into, 8, by);
    // Each distinct tenant and action becomes a QString once, for the totals.
    QHash<QByteArray, QString> texts;
    const auto text = [&texts](sqlite3_stmt* s, int column) -> const QString& {
        const QByteArray bytes(reinterpret_cast<const char*>(sqlite3_column_text(s, column)),
                               sqlite3_column_bytes(s, column));
        auto it = texts.find(bytes);
        if (it == texts.end())
            it = texts.insert(bytes, QString::fromUtf8(bytes));
        return it.value();
    };
    const QByteArray byok = CreditRules::billingId(CreditRules::Billing::Byok).toUtf8();
    UsageEvent e;
    qint64 done = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(from)) == SQLITE_ROW) {
        for (int column = 0; column < 7; ++column)
            sqlite3_bind_value(into, column + 1, sqlite3_column_value(from, column));
        const int written = sqlite3_step(into);
        sqlite3_reset(into);
        if (written != SQLITE_DONE)
            return failed(handle, written, doing);
        if (sqlite3_changes(handle) == 1) {
            e.occurredAt = sqlite3_column_int64(from, 1);
            e.tenant = text(from, 2);
            e.action = text(from, 3);
            e.billing = qstrcmp(reinterpret_cast<const char*>(sqlite3_column_text(from, 5)), byok.constData()) == 0
                            ? CreditRules::Billing::Byok
                            : CreditRules::Billing::Credits;
            e.credits = sqlite3_column_int(from, 6);
            inserted(e);
        }
        if (!ImportProgress::report(progress, ++done, staged))
            return ImportProgress::cancelled();
    }
    return rc == SQLITE_DONE ? success() : Status(failed(handle, rc, doing));
}

} // namespace SqliteBulkInsert
