#include "ledger/sqlite/DuringImport.h"

#include "ledger/Schema.h"
#include "ledger/sqlite/BesideTheLedger.h"
#include "ledger/sqlite/SqliteBulkInsert.h"
#include "support/Environment.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};

QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

QString textAt(sqlite3_stmt* statement, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                             sqlite3_column_bytes(statement, column));
}

} // namespace

QString DuringImport::pathFor(const QString& ledgerFile)
{
    return ledgerFile + QStringLiteral("-during-import");
}

bool DuringImport::exists(const QString& ledgerFile)
{
    return hasFilesBeside(ledgerFile) && QFileInfo::exists(pathFor(ledgerFile));
}

Status DuringImport::create(const QString& ledgerFile)
{
    if (!hasFilesBeside(ledgerFile) || exists(ledgerFile))
        return success();
    // Made whole under another name first: a recorder never opens a file without its table.
    const QString path = pathFor(ledgerFile);
    const QString making = path + QStringLiteral(".new");
    QFile::remove(making); // left by an import killed at this very step
    if (Status s = Environment::createPrivateFile(making); !s)
        return s;
    {
        auto file = openPath(making);
        if (!file)
            return file.failure();
        if (Status s = file.value()->exec(Schema::createUsageEvents, Words::tr("preparing the import")); !s)
            return s;
    }
    QFile::rename(making, path); // another import's file, made meanwhile, stays
    QFile::remove(making);
    return success();
}

Result<std::unique_ptr<DuringImport>> DuringImport::open(const QString& ledgerFile)
{
    return openPath(pathFor(ledgerFile));
}

Result<std::unique_ptr<DuringImport>> DuringImport::openPath(const QString& path)
{
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, SQLITE_OPEN_READWRITE, nullptr);
    std::unique_ptr<DuringImport> file(new DuringImport(handle)); // closes the handle even when the open failed
    if (rc != SQLITE_OK)
        return Environment::cannotOpenDatabase(path, QString::fromUtf8(sqlite3_errmsg(handle)));
    return file;
}

DuringImport::~DuringImport()
{
    m_statements.clear(); // finalized before the handle closes
    sqlite3_close_v2(m_handle);
}

Result<sqlite3_stmt*> DuringImport::statement(const char* sql, const QString& doing)
{
    if (const auto known = m_statements.constFind(sql); known != m_statements.cend()) {
        sqlite3_reset(known->get());
        sqlite3_clear_bindings(known->get());
        return known->get();
    }
    auto made = SqliteBulkInsert::prepared(m_handle, sql, doing);
    if (!made)
        return made.failure();
    std::shared_ptr<sqlite3_stmt> kept(made.value().release(), sqlite3_finalize);
    m_statements.insert(sql, kept);
    return kept.get();
}

Status DuringImport::exec(const char* sql, const QString& doing)
{
    const int rc = sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? success() : Status(SqliteBulkInsert::failed(m_handle, rc, doing));
}

bool DuringImport::holdsEvents()
{
    auto any = statement("SELECT EXISTS (SELECT 1 FROM usage_events)", QString());
    const bool holds = any && sqlite3_step(any.value()) == SQLITE_ROW && sqlite3_column_int(any.value(), 0) != 0;
    if (any)
        sqlite3_reset(any.value());
    return holds;
}

Result<DuringImport::Lock> DuringImport::lock(int waitMs)
{
    SqliteBulkInsert::waitBriefly(m_handle, waitMs);
    if (Status s = exec("BEGIN IMMEDIATE", Words::tr("recording usage")); !s)
        return s.failure();
    return Lock(this);
}

DuringImport::Lock::~Lock()
{
    if (m_file && !sqlite3_get_autocommit(m_file->m_handle))
        sqlite3_exec(m_file->m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<QVector<DuringImport::Row>> DuringImport::Lock::rows()
{
    const QString doing = Words::tr("reading the events recorded during an import");
    auto select = m_file->statement(
        "SELECT id, occurred_at, tenant, action, model, billing, credits, recorded_by FROM usage_events ORDER BY rowid",
        doing);
    if (!select)
        return select.failure();
    sqlite3_stmt* q = select.value();
    QVector<Row> rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        Row r;
        r.event.id = textAt(q, 0);
        r.event.occurredAt = sqlite3_column_int64(q, 1);
        r.event.tenant = textAt(q, 2);
        r.event.action = textAt(q, 3);
        r.event.model = textAt(q, 4);
        r.event.billing = CreditRules::billingFromId(textAt(q, 5)).value_or(CreditRules::Billing::Credits);
        r.event.credits = sqlite3_column_int(q, 6);
        r.recordedBy = textAt(q, 7);
        rows.append(r);
    }
    sqlite3_reset(q); // the read ends with the statement, not with the transaction
    if (rc != SQLITE_DONE)
        return SqliteBulkInsert::failed(m_file->m_handle, rc, doing);
    m_readRows = !rows.isEmpty();
    return rows;
}

Status DuringImport::Lock::add(const QVector<UsageEvent>& events, const QString& recordedBy)
{
    const QString doing = Words::tr("recording usage");
    auto insert = m_file->statement("INSERT INTO usage_events (id, occurred_at, tenant, action, model, billing, "
                                    "credits, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    doing);
    if (!insert)
        return insert.failure();
    sqlite3_stmt* q = insert.value();
    for (const UsageEvent& e : events) {
        const QByteArray texts[] = {
            utf8(e.id),      utf8(e.tenant), utf8(e.action), utf8(e.model), utf8(CreditRules::billingId(e.billing)),
            utf8(recordedBy)};
        sqlite3_bind_text(q, 1, texts[0].constData(), int(texts[0].size()), SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, e.occurredAt);
        for (int i = 1; i < 5; ++i)
            sqlite3_bind_text(q, i + 2, texts[i].constData(), int(texts[i].size()), SQLITE_STATIC);
        sqlite3_bind_int(q, 7, e.credits);
        sqlite3_bind_text(q, 8, texts[5].constData(), int(texts[5].size()), SQLITE_STATIC);
        const int rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            return SqliteBulkInsert::failed(m_file->m_handle, rc, doing);
    }
    return success();
}

Status DuringImport::Lock::commit()
{
    return m_file->exec("COMMIT", Words::tr("recording usage"));
}

Status DuringImport::Lock::removeAllAndCommit()
{
    if (!m_readRows)
        return commit();
    if (Status s = m_file->exec("DELETE FROM usage_events", Words::tr("emptying the events recorded during an import"));
        !s)
        return s;
    return commit();
}
