#include "ledger/sqlite/SqliteBulkInsert.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
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

} // namespace

Failure failed(sqlite3* handle, int rc, const QString& doing)
{
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        Failure busy =
            unavailable(Words::tr("The database is busy: another program kept it locked while %1.").arg(doing));
        busy.busy = true;
        return busy;
    }
    return unavailable(
        Words::tr("The database failed while %1: %2.").arg(doing, QString::fromUtf8(sqlite3_errmsg(handle))));
}

Result<Statement> prepared(sqlite3* handle, const char* sql, const QString& doing)
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr);
    if (rc != SQLITE_OK)
        return failed(handle, rc, doing);
    return Statement(statement, sqlite3_finalize);
}

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

Status moveSorted(const QSqlDatabase& db, const QString& recordedBy, ImportRuns& rows,
                  const std::function<void(const ImportRuns::Row&)>& inserted, const Progress& progress)
{
    sqlite3* handle = handleOf(db);
    const QString doing = Words::tr("importing usage");
    auto insert = prepared(handle, importEventSql, doing);
    if (!insert)
        return insert.failure();
    sqlite3_stmt* into = insert->get();
    const QByteArray by = recordedBy.toUtf8();
    bindText(into, 8, by);
    const QByteArray byok = CreditRules::billingId(CreditRules::Billing::Byok).toUtf8();
    const QByteArray credits = CreditRules::billingId(CreditRules::Billing::Credits).toUtf8();
    qint64 done = 0;
    std::optional<Failure> failure;
    // In id order: each insert lands beside the last, which keeps a large import from reading a page of the index
    // for nearly every row once the index outgrows the page cache.
    const Status read = rows.read([&](const ImportRuns::Row& row) {
        const bool isByok = row.billing == CreditRules::Billing::Byok;
        bindText(into, 1, row.id);
        sqlite3_bind_int64(into, 2, row.occurredAt);
        bindText(into, 3, rows.utf8(row.tenant));
        bindText(into, 4, rows.utf8(row.action));
        bindText(into, 5, rows.utf8(row.model));
        bindText(into, 6, isByok ? byok : credits);
        sqlite3_bind_int(into, 7, row.credits);
        const int written = sqlite3_step(into);
        sqlite3_reset(into);
        if (written != SQLITE_DONE) {
            failure = failed(handle, written, doing);
            return false;
        }
        if (sqlite3_changes(handle) == 1)
            inserted(row);
        if (!ImportProgress::report(progress, ++done, rows.size())) {
            failure = ImportProgress::cancelled();
            return false;
        }
        return true;
    });
    if (failure)
        return *failure;
    return read;
}

Status createIndex(const QSqlDatabase& db, const char* createSql, const QString& doing)
{
    sqlite3* handle = handleOf(db);
    const auto pragma = [&](const char* name) -> std::optional<int> {
        const auto asked = prepared(handle, (QByteArray("PRAGMA ") + name).constData(), doing);
        if (asked && sqlite3_step(asked->get()) == SQLITE_ROW)
            return sqlite3_column_int(asked->get(), 0);
        return std::nullopt;
    };
    const auto set = [handle](const char* name, int value) {
        sqlite3_exec(handle, (QByteArray("PRAGMA ") + name + " = " + QByteArray::number(value)).constData(), nullptr,
                     nullptr, nullptr);
    };
    const std::optional<int> threads = pragma("threads"), cacheSize = pragma("cache_size");
    if (threads && cacheSize) {
        set("threads", std::max(*threads, 1));
        set("cache_size", *cacheSize / 4);
    }
    const int rc = sqlite3_exec(handle, createSql, nullptr, nullptr, nullptr);
    if (threads && cacheSize) {
        set("threads", *threads);
        set("cache_size", *cacheSize);
    }
    return rc == SQLITE_OK ? success() : Status(failed(handle, rc, doing));
}

} // namespace SqliteBulkInsert
