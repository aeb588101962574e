#include "ledger/Database.h"

#include "ledger/DatabaseAddress.h"
#include "ledger/postgres/PostgresConnection.h"
#include "ledger/Schema.h"
#include "ledger/sqlite/SqliteBulkInsert.h"
#include "ledger/SqlSupport.h"
#include "support/Environment.h"
#include "support/Text.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <atomic>

#include <unistd.h>

namespace {

// What the ledger's triggers notify at commit (resources/sql/postgres-functions.sql).
constexpr const char* changeChannel = "ai_settings_changed";

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// Statements prepared on a connection the server dropped were that server process's: Qt's driver frees each on
// the server as its query goes, which can only fail, and warns on stderr once per statement. Those warnings say
// nothing, and are not shown while a thread drops such statements (the filter stays installed, passing every
// other message on; the flag is the thread's, so the window and the page's reader each drop their own).
thread_local int droppingStatements = 0;
std::atomic<QtMessageHandler> passedOn{nullptr};

void quietFrees(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (droppingStatements > 0 && type == QtWarningMsg && message.startsWith(QLatin1String("Unable to free statement")))
        return;
    if (const QtMessageHandler next = passedOn.load())
        next(type, context, message);
}

// Drops `queries` without the driver's warnings about a connection already gone.
void dropStatements(QHash<QString, std::shared_ptr<QSqlQuery>>& queries)
{
    if (const QtMessageHandler previous = qInstallMessageHandler(quietFrees); previous != quietFrees)
        passedOn = previous;
    ++droppingStatements;
    queries.clear();
    --droppingStatements;
}
} // namespace

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("ai-settings-ledger-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(const Catalog& catalog, QString userName, QString location)
    : m_catalog(catalog), m_userName(std::move(userName)), m_location(std::move(location)),
      m_connectionName(nextConnectionName())
{
}

Database::~Database()
{
    stopWatching();
    m_checkpointer.reset();
    dropStatements(m_queries);
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::checkpointInBackground()
{
    if (!m_checkpointer)
        m_checkpointer = SqliteCheckpointer::start(handle());
}

std::unique_ptr<SqliteCheckpointer::AfterCommit> Database::checkpointAfterCommit()
{
    if (isPostgres() || m_checkpointer)
        return nullptr;
    return std::make_unique<SqliteCheckpointer::AfterCommit>(handle());
}

Result<QSqlDatabase> Database::connect(const DatabaseAddress& address, const QString& connectionName, int openWaitMs)
{
    if (address.postgres) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        if (!db.isValid())
            return unavailable(Words::tr("Qt's PostgreSQL driver is not installed (Debian package libqt6sql6-psql)."));
        db.setHostName(address.host);
        if (address.port > 0)
            db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        // The path is pinned at the start of the session, before anything is resolved (PostgresGuard).
        db.setConnectOptions(address.options + QStringLiteral(";options=-csearch_path=") +
                             QLatin1String(PostgresConnection::searchPath));
        if (!db.open())
            return unavailable(Words::tr("Cannot connect to %1: %2.")
                                   .arg(Text::escaped(address.text, 200),
                                        Text::escaped(db.lastError().databaseText().simplified(), 300)));
        PostgresConnection::keepNoticesQuiet(db);
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return unavailable(Words::tr("Qt's SQLite driver is not installed (Debian package libqt6sql6-sqlite)."));
    // Usage, members and the audit trail are the organisation's business: a new ledger is readable by its owner
    // only, and SQLite gives its -wal and -shm files the same mode.
    if (Status s = Environment::createPrivateFile(address.path); !s)
        return s.failure();
    db.setDatabaseName(address.path);
    // Opening waits for the write lock only when the schema must be created or upgraded, and at most openWaitMs.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(openWaitMs));
    if (!db.open())
        return Environment::cannotOpenDatabase(address.path, db.lastError().databaseText());
    return db;
}

Result<std::unique_ptr<Database>> Database::open(const QString& location, const Catalog& catalog,
                                                 const QString& userName, int openWaitMs)
{
    const auto address = DatabaseAddress::parse(location);
    if (!address)
        return address.failure();
    // The location never holds a password: parse() refuses one.
    std::unique_ptr<Database> database(new Database(catalog, userName, location));
    database->m_postgres = address->postgres;
    const auto connected = connect(address.value(), database->m_connectionName, openWaitMs);
    if (!connected)
        return connected.failure();
    QSqlDatabase db = connected.value();
    if (address->postgres) {
        // On a shared ledger the member is the role the server authenticated, not this desktop's user name,
        // which proves nothing to the other machines.
        QSqlQuery who(db);
        if (!who.exec(QStringLiteral("SELECT current_user")) || !who.next())
            return Sql::storageFailure(who.lastError(), Words::tr("asking the server who is connected"));
        database->m_userName = who.value(0).toString();
        who.finish();
        // A role that is no member may not even look into the ledger's schema: say so, not "no ledger".
        if (!who.exec(
                QStringLiteral("SELECT pg_catalog.has_schema_privilege(oid, 'USAGE') FROM pg_catalog.pg_namespace "
                               "WHERE nspname = 'ai_settings'")))
            return Sql::storageFailure(who.lastError(), Words::tr("asking the server who is connected"));
        if (who.next() && !who.value(0).toBool())
            return database->notAMember();
    }
    // Before anything writes: another program's database is left exactly as it was.
    const Result<int> version = Schema::version(db);
    if (!version)
        return version.failure();
    if (!address->postgres) {
        // WAL lets readers (the window, reports) go on while a writer records; NORMAL sync is safe with WAL
        // against program crashes and keeps a commit off the disk's flush path.
        for (const char* pragma :
             {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"})
            if (Status s = Sql::execText(db, QString::fromLatin1(pragma),
                                         Words::tr("opening %1").arg(Text::escaped(location, 200)));
                !s)
                return s.failure();
    }
    // A shared ledger is created and upgraded by a superuser of the server (db init), who creates its roles; the
    // members who open it may not create anything.
    if (address->postgres && version.value() != Schema::currentVersion)
        return Schema::notAnOpenableSharedLedger(db, version.value(), location);
    // An up-to-date ledger (nearly every open) is not read a second time: on a shared ledger that is two round
    // trips to the server. Any other version goes through migrate, which also refuses a newer one.
    if (version.value() != Schema::currentVersion)
        if (Status s = Schema::migrate(db, catalog, database->m_userName); !s)
            return s.failure();
    // From now on SQLite writers queue for the lock instead of failing at once; a longer wait is reported.
    if (!address->postgres) {
        if (Status s = Sql::execText(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(writeWaitMs),
                                     Words::tr("opening the database"));
            !s)
            return s.failure();
        SqliteBulkInsert::waitBriefly(db, writeWaitMs);
    }
    return database;
}

Database::ReadScope::ReadScope(Database& db) : m_db(db)
{
    if (m_db.m_scopeDepth++ > 0)
        return;
    ++m_db.m_scopeId;
    // Should the database fail to start it, the reads still run, each on its own, and report what fails.
    m_transaction = std::make_unique<Sql::ReadTransaction>(m_db.handle());
    if (!m_db.reopenedIfClosed())
        return; // the reads say why, each
    // The first statement of a page's reading is where a lost connection shows: open it again and go on.
    (void)m_db.onceMoreIfLost([this] { return m_transaction->begin(); });
}

Database::ReadScope::~ReadScope()
{
    m_transaction.reset(); // ends the read transaction
    --m_db.m_scopeDepth;
}

Status Database::beginChecked(Sql::WriteTransaction& tx, const std::function<Status()>& mayWrite)
{
    if (Status s = reopenedIfClosed(); !s)
        return s;
    // Nothing is written before the transaction begins: after a lost connection the same start runs again.
    return onceMoreIfLost([&] { return beginCheckedOnce(tx, mayWrite); });
}

Status Database::beginCheckedOnce(Sql::WriteTransaction& tx, const std::function<Status()>& mayWrite)
{
    if (m_postgres)
        if (Status s = mayWrite(); !s)
            return s;
    if (Status s = begin(tx); !s)
        return s;
    return m_postgres ? success() : mayWrite();
}

Status Database::begin(Sql::WriteTransaction& tx)
{
    if (m_scopeDepth > 0)
        return unavailable(Words::tr("Nothing can be changed while the ledger is being read as one moment; "
                                     "try again once the reading is done."));
    return tx.begin();
}

bool Database::moveToThread(QThread* target)
{
    QSqlDatabase db = handle();
    if (!db.isValid() || !db.driver())
        return false;
    db.driver()->moveToThread(target);
    return db.driver()->thread() == target;
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::connectionLost() const
{
    const bool lost = m_postgres && PostgresConnection::lost(handle());
    // libpq has closed the socket: the watch on it ends before the event loop could look at it again.
    if (lost && m_changeWatch)
        m_changeWatch->setEnabled(false);
    return lost;
}

std::function<bool()> Database::serverProbe() const
{
    if (!m_postgres)
        return [] { return true; };
    return [address = PostgresConnection::connectionString(handle())] { return PostgresConnection::answers(address); };
}

Status Database::reopenedIfClosed()
{
    // A connection whose reopening failed is closed: no statement is sent to it (Qt would only warn), it is
    // opened again first.
    if (!m_postgres || handle().isOpen())
        return success();
    if (m_reconnectWaitMs < 0) // the window reopens it itself, off its thread: not here, where it could freeze
        return lostConnectionFailure(0);
    return reconnect(m_reconnectWaitMs);
}

bool Database::lostConnectionIn(const Failure& failure)
{
    return m_reconnectWaitMs >= 0 && failure.kind == Failure::Unavailable && !failure.busy &&
           (failure.connectionLost || connectionLost());
}

Status Database::reconnect(int waitMs)
{
    // Statements prepared on the old connection were the old server process's; they go with it.
    dropStatements(m_queries);
    stopWatching(); // its socket was the old connection's
    m_memberSince.invalidate();
    QSqlDatabase db = handle();
    QElapsedTimer waited;
    waited.start();
    for (int pauseMs = 100;; pauseMs = qMin(pauseMs * 2, 2000)) {
        db.close();
        // Qt's driver opens it with the address, role and start-up options (the pinned path) it was opened with.
        if (db.open()) {
            PostgresConnection::keepNoticesQuiet(db);
            if (m_changed) // the old connection's LISTEN went with it
                listenForChanges();
            return success();
        }
        const qint64 left = waitMs - waited.elapsed();
        if (left <= 0)
            break;
        QThread::msleep(quint64(qMin<qint64>(pauseMs, left)));
    }
    return lostConnectionFailure(waitMs);
}

bool Database::notifyChanges(std::function<void()> changed)
{
    if (!m_postgres)
        return false;
    m_changed = std::move(changed);
    return listenForChanges();
}

// LISTEN on this connection, and a watch on its socket: libpq reads what arrives, and the watch ends the moment
// the connection is found gone, before the event loop could look at a socket libpq has closed.
bool Database::listenForChanges()
{
    stopWatching();
    QSqlQuery listen(handle());
    if (!listen.exec(QStringLiteral("LISTEN %1").arg(QLatin1String(changeChannel))))
        return false;
    const int socket = PostgresConnection::socket(handle());
    if (socket < 0)
        return false;
    m_watchedSocket = ::dup(socket);
    if (m_watchedSocket < 0)
        return false;
    m_changeWatch = std::make_unique<QSocketNotifier>(m_watchedSocket, QSocketNotifier::Read);
    QObject::connect(m_changeWatch.get(), &QSocketNotifier::activated, m_changeWatch.get(), [this] {
        const bool changed = takeChanges();
        if (PostgresConnection::knownLost(handle()))
            m_changeWatch->setEnabled(false); // the session finds the loss and reconnects (listenForChanges again)
        if (changed && m_changed)
            m_changed();
    });
    return true;
}

void Database::stopWatching()
{
    m_changeWatch.reset();
    if (m_watchedSocket >= 0)
        ::close(m_watchedSocket);
    m_watchedSocket = -1;
}

bool Database::takeChanges()
{
    return m_postgres && PostgresConnection::takeNotification(handle(), changeChannel);
}

bool Database::knownLost() const
{
    return m_postgres && PostgresConnection::knownLost(handle());
}

Result<bool> Database::changedElsewhere()
{
    QSqlQuery& q = query(QStringLiteral("PRAGMA data_version"));
    if (!q.exec() || !q.next())
        return Sql::storageFailure(q.lastError(), Words::tr("looking for changes"));
    const qint64 version = q.value(0).toLongLong();
    q.finish();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

Failure Database::lostConnectionFailure(int waitMs) const
{
    // The reason is the server's (or libpq's) for the last attempt to open the connection again.
    const QString reason = Text::escaped(handle().lastError().databaseText().simplified(), 300);
    if (waitMs <= 0)
        return unavailable(Words::tr("The connection to the database server was lost, and the server does not answer "
                                     "yet (%1).")
                               .arg(reason));
    return unavailable(Words::tr("The connection to the database server was lost, and the server did not answer "
                                 "again within %Ln second(s) (%1).",
                                 nullptr, waitMs / 1000)
                           .arg(reason));
}

bool Database::isPostgres() const
{
    return m_postgres;
}

QSqlQuery& Database::query(const QString& sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto q = std::make_shared<QSqlQuery>(handle());
        q->setForwardOnly(true);
        q->prepare(sql);
        it = m_queries.insert(sql, q);
    }
    return *it.value();
}

Status Database::audit(const QString& subject, const QString& change)
{
    // On a shared ledger the function writes the line in the name of the role the server authenticated.
    QSqlQuery& q =
        query(m_postgres ? QStringLiteral("SELECT ai_settings.append_audit(?, ?, ?, ?)")
                         : QStringLiteral("INSERT INTO audit_log (at, actor, subject, change) VALUES (?, ?, ?, ?)"));
    q.bindValue(0, now());
    q.bindValue(1, m_userName);
    q.bindValue(2, subject);
    q.bindValue(3, change);
    return Sql::exec(q, Words::tr("writing the audit trail"));
}

Result<std::optional<Role>> Database::roleOf(const QString& userName)
{
    QSqlQuery& q = query(QStringLiteral("SELECT role FROM members WHERE user_name = ?"));
    q.bindValue(0, userName);
    if (Status s = Sql::exec(q, Words::tr("reading members")); !s)
        return s.failure();
    std::optional<Role> role = q.next() ? roleFromId(q.value(0).toString()) : std::nullopt;
    q.finish();
    // The user's own role just read (the window's refresh asks it first) confirms the membership too.
    if (userName == m_userName) {
        if (role)
            m_memberSince.start();
        else
            m_memberSince.invalidate();
    }
    return role;
}

Status Database::requireMember()
{
    constexpr qint64 confirmedForMs = 1000;
    if (m_memberSince.isValid() && m_memberSince.elapsed() < confirmedForMs)
        return success();
    m_memberSince.invalidate();
    if (Status s = reopenedIfClosed(); !s)
        return s;
    // A read outside a scope may be the first to find the connection lost.
    const auto role = onceMoreIfLost([this] { return roleOf(m_userName); });
    if (!role)
        return role.failure();
    if (!role.value())
        return notAMember();
    // A Recorder reads only inside a recording (RecordingScope).
    if (!canRead(*role.value()) && m_recordingDepth == 0)
        return refused(Words::tr("%1 is a Recorder, who may record usage and nothing else; an Owner or Admin can make "
                                 "them a Viewer to read the ledger.")
                           .arg(m_userName));
    if (canRead(*role.value()))
        m_memberSince.start();
    return success();
}

Failure Database::notAMember() const
{
    return refused(Words::tr("%1 is not a member of this database; an Owner or Admin can add them with "
                             "\"ai-settings members add %1 --role viewer\".")
                       .arg(m_userName));
}

Status Database::requireRecorder(const QString& doing)
{
    const auto role = roleOf(m_userName);
    if (!role)
        return role.failure();
    if (!role.value())
        return notAMember();
    if (!canRecord(*role.value()))
        return refused(Words::tr("%1 needs the Owner, Admin or Recorder role, and %2 is %3.")
                           .arg(doing, m_userName, roleWithArticle(*role.value())));
    return success();
}

Status Database::requireAdministrator(const QString& doing)
{
    return requireRole(doing, false);
}

Status Database::requireRole(const QString& doing, bool ownerOnly)
{
    const auto role = roleOf(m_userName);
    if (!role)
        return role.failure();
    if (!role.value()) {
        m_memberSince.invalidate(); // not a member any more: say so, whatever was confirmed a moment ago
        return requireMember();
    }
    if (!canRead(*role.value()))
        return refused(Words::tr("%1 needs the Owner or Admin role, and %2 is %3.")
                           .arg(doing, m_userName, roleWithArticle(*role.value())));
    if (ownerOnly && !canChangePlan(*role.value()))
        return refused(
            Words::tr("%1 needs the Owner role, and %2 is %3.").arg(doing, m_userName, roleWithArticle(*role.value())));
    if (!canAdminister(*role.value()))
        return refused(Words::tr("%1 needs the Owner or Admin role, and %2 is %3.")
                           .arg(doing, m_userName, roleWithArticle(*role.value())));
    m_memberSince.start(); // an administrator is a member too
    return success();
}

Status Database::administer(const QString& doing, const std::function<Status()>& change, bool ownerOnly)
{
    Sql::WriteTransaction tx(handle());
    if (Status s = beginChecked(tx, [&] { return requireRole(doing, ownerOnly); }); !s)
        return s;
    const Status changed = change();
    // A change may be to the members themselves: the next read asks again.
    m_memberSince.invalidate();
    if (!changed)
        return changed;
    return tx.commit();
}
