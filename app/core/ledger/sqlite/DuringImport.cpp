#include "ledger/sqlite/DuringImport.h"

#include "ledger/EventRow.h"
#include "ledger/sqlite/BesideTheLedger.h"
#include "ledger/sqlite/SqliteBulkInsert.h"
#include "ledger/SqlSupport.h"
#include "support/Environment.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlQuery>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};

QString connectionName()
{
    static QAtomicInteger<quint64> next;
    return QStringLiteral("ai-settings-during-import-%1").arg(next.fetchAndAddRelaxed(1));
}

// The events' columns as the ledger has them (Schema), without its indexes: the file holds a minute's events.
const char* const createEvents =
    "CREATE TABLE IF NOT EXISTS usage_events (id TEXT PRIMARY KEY, occurred_at BIGINT NOT NULL, tenant TEXT NOT NULL, "
    "action TEXT NOT NULL, model TEXT NOT NULL, billing TEXT NOT NULL, credits INTEGER NOT NULL, "
    "recorded_by TEXT NOT NULL)";

Result<QSqlDatabase> openFile(const QString& path, const QString& name, int waitMs)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open())
        return Environment::cannotOpenDatabase(path, db.lastError().databaseText());
    SqliteBulkInsert::waitBriefly(db, waitMs);
    return db;
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
    const QString path = pathFor(ledgerFile);
    if (Status s = Environment::createPrivateFile(path); !s)
        return s;
    const QString name = connectionName();
    Status made = success();
    {
        const auto db = openFile(path, name, Sql::writeWaitMs);
        made = db ? Sql::execText(db.value(), QLatin1String(createEvents), Words::tr("preparing the import"))
                  : Status(db.failure());
        if (db)
            QSqlDatabase(db.value()).close();
    }
    QSqlDatabase::removeDatabase(name);
    return made;
}

Result<std::unique_ptr<DuringImport>> DuringImport::lock(const QString& ledgerFile, int waitMs)
{
    std::unique_ptr<DuringImport> file(new DuringImport(connectionName()));
    const auto db = openFile(pathFor(ledgerFile), file->m_connectionName, waitMs);
    if (!db)
        return db.failure();
    if (Status s = Sql::execText(db.value(), QStringLiteral("BEGIN IMMEDIATE"), Words::tr("recording usage")); !s)
        return s.failure();
    file->m_open = true;
    return file;
}

DuringImport::~DuringImport()
{
    {
        QSqlDatabase db = handle();
        if (m_open)
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase DuringImport::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QVector<DuringImport::Row>> DuringImport::rows()
{
    QSqlQuery q(handle());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, recorded_by FROM usage_events ORDER BY rowid")
                  .arg(QLatin1String(EventRow::columns)));
    if (Status s = Sql::exec(q, Words::tr("reading the events recorded during an import")); !s)
        return s.failure();
    QVector<Row> rows;
    while (q.next()) {
        rows.append({EventRow::read(q), q.value(7).toString()});
    }
    return rows;
}

Status DuringImport::add(const QVector<UsageEvent>& events, const QString& recordedBy)
{
    QSqlQuery q(handle());
    q.prepare(QStringLiteral("INSERT INTO usage_events (%1, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(EventRow::columns)));
    for (const UsageEvent& e : events) {
        const QVariantList values = EventRow::values(e, recordedBy);
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values[i]);
        if (Status s = Sql::exec(q, Words::tr("recording usage")); !s)
            return s;
    }
    return success();
}

Status DuringImport::removeAllAndCommit()
{
    if (Status s = Sql::execText(handle(), QStringLiteral("DELETE FROM usage_events"),
                                 Words::tr("emptying the events recorded during an import"));
        !s)
        return s;
    return commit();
}

Status DuringImport::commit()
{
    Status s = Sql::execText(handle(), QStringLiteral("COMMIT"), Words::tr("recording usage"));
    if (s)
        m_open = false;
    return s;
}
