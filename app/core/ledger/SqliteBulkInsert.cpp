#include "SqliteBulkInsert.h"

#include "Schema.h"

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

sqlite3* connectionOf(const QSqlDatabase& db) { return available(db) ? handleOf(db) : nullptr; }

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

// The first eight characters of an id as one number that sorts as SQLite compares the ids (bytewise; ids are
// ASCII, checked before the import writes).
quint64 sortPrefix(const QString& id)
{
    quint64 prefix = 0;
    for (int i = 0; i < 8; ++i)
        prefix = (prefix << 8) | (i < id.size() ? quint64(id.at(i).unicode() & 0xff) : 0);
    return prefix;
}

struct SortKey
{
    quint64 prefix;
    qsizetype row;
};

// The rows in id order, sorted on two threads. Inserting in the order of the id index makes each insert land
// beside the last: once the index outgrows the page cache (about 10 million events), a random order reads a
// page from the file for nearly every row, and the import runs at a third of the speed.
std::vector<SortKey> idOrder(const QVector<ImportRow>& rows)
{
    std::vector<SortKey> keys(size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i)
        keys[size_t(i)] = {sortPrefix(rows[i].event.id), i};
    const auto before = [&rows](const SortKey& a, const SortKey& b) {
        return a.prefix != b.prefix ? a.prefix < b.prefix : rows[a.row].event.id < rows[b.row].event.id;
    };
    const auto middle = keys.begin() + std::ptrdiff_t(keys.size() / 2);
    std::thread firstHalf([&] { std::sort(keys.begin(), middle, before); });
    std::sort(middle, keys.end(), before);
    firstHalf.join();
    std::inplace_merge(keys.begin(), middle, keys.end(), before);
    return keys;
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

Status insertEvents(const QSqlDatabase& db, const QVector<ImportRow>& rows, const QString& recordedBy,
                    const std::function<void(const UsageEvent&)>& inserted, const Progress& progress)
{
    sqlite3* handle = handleOf(db);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, Schema::importEventSql, -1, &statement, nullptr) != SQLITE_OK)
        return unavailable(Words::tr("The database failed while importing usage: %1.").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(statement, sqlite3_finalize);

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
    const QByteArray by = recordedBy.toUtf8();
    bindText(statement, 8, by);

    const std::vector<SortKey> order = idOrder(rows);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const UsageEvent& e = rows[order[size_t(i)].row].event;
        const QByteArray id = e.id.toUtf8();
        bindText(statement, 1, id);
        sqlite3_bind_int64(statement, 2, e.occurredAt);
        bindText(statement, 3, shared(e.tenant));
        bindText(statement, 4, shared(e.action));
        bindText(statement, 5, shared(e.model));
        bindText(statement, 6, e.billing == CreditRules::Billing::Byok ? byok : credits);
        sqlite3_bind_int(statement, 7, e.credits);
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) {
            const QString why = QString::fromUtf8(sqlite3_errmsg(handle));
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                return unavailable(Words::tr("The database is busy: another program kept it locked while importing usage."));
            return unavailable(Words::tr("The database failed while importing usage: %1.").arg(why));
        }
        if (sqlite3_changes(handle) == 1)
            inserted(e);
        if (!ImportProgress::report(progress, i + 1, rows.size()))
            return ImportProgress::cancelled();
    }
    return success();
}

} // namespace SqliteBulkInsert
