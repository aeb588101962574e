#pragma once

#include "ledger/sqlite/SqliteCheckpointer.h"
#include "ledger/SqlSupport.h"
#include "rules/Catalog.h"
#include "rules/Roles.h"
#include "support/Clock.h"
#include "support/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

class QSocketNotifier;
class QThread;
struct DatabaseAddress;
namespace Sql {
class ReadTransaction;
class WriteTransaction;
} // namespace Sql

// One open ledger database, SQLite or PostgreSQL: the connection, its prepared statements, the schema (created
// or upgraded on open), write transactions, the audit trail, and who the user is and may do. The stores on top
// of it own the SQL of their tables. One Database per thread; several processes and machines may share the data.
class Database
{
public:
    // How long a write waits for another program's write lock before it is reported as busy.
    static constexpr int writeWaitMs = Sql::writeWaitMs;

    // Opens (creating when missing) the SQLite file or PostgreSQL URI at `location` and migrates it. On
    // PostgreSQL the user is the role the server authenticated, whatever `userName` says. An up-to-date SQLite
    // file opens without the write lock; creating or upgrading waits for it at most `openWaitMs`.
    static Result<std::unique_ptr<Database>> open(const QString& location, const Catalog& catalog,
                                                  const QString& userName, int openWaitMs = writeWaitMs);
    // A connection to the database at `address`, opened (an SQLite file is created private when missing).
    static Result<QSqlDatabase> connect(const DatabaseAddress& address, const QString& connectionName, int openWaitMs);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase handle() const;
    // Hands the connection to `target` (a ledger opened on a worker thread for the window's thread). Called on the
    // thread that opened it, with no statement running; afterwards only `target` uses it. Qt's drivers are
    // QObjects whose thread says which thread may use the connection; SQLite and libpq connections themselves
    // may move between threads.
    bool moveToThread(QThread* target);
    // A shared ledger on PostgreSQL, written through the functions of its schema (PostgresGuard).
    bool isPostgres() const;
    // For a long-lived writer (`record --stdin`): on SQLite, log checkpoints run on a thread of their own instead
    // of inside the commit that fills the log (SqliteCheckpointer). Nothing on PostgreSQL.
    void checkpointInBackground();
    // For one large commit (an import): see SqliteCheckpointer::AfterCommit. Nothing on PostgreSQL, or where
    // checkpoints already run in the background.
    std::unique_ptr<SqliteCheckpointer::AfterCommit> checkpointAfterCommit();
    const Catalog& catalog() const { return m_catalog; }
    const QString& userName() const { return m_userName; }
    // The file or URI it was opened with (a URI never holds a password).
    const QString& location() const { return m_location; }
    const QString& connectionName() const { return m_connectionName; }

    // After a failure: whether the connection to the server is gone (a restart, a crash, a dropped network)
    // rather than a statement refused. Never on SQLite.
    bool connectionLost() const;
    // Opens the lost connection again (the same address and role; prepared statements are made afresh), trying
    // with a growing pause (0.1 s doubling to 2 s) until it answers or `waitMs` have passed; fails with the
    // server's reason. Called between statements, never with a transaction of the caller's open.
    Status reconnect(int waitMs);
    // How long an operation that finds the connection lost before it has done anything waits for the server to
    // come back (reconnect). 0, the default, tries once; the command line waits, so that scripts and servers
    // ride out a restart. Below 0 it never reconnects by itself: the window does, off its thread, and reads
    // nothing meanwhile (Ui::Session).
    void setReconnectWait(int waitMs) { m_reconnectWaitMs = waitMs; }
    // A question for any thread: does the server accept connections now? (libpq's ping, no login; it waits at
    // most the connect timeout.) A window asks it off its own thread before it reconnects, so that a server
    // that does not answer at all never freezes it. Always true on SQLite.
    std::function<bool()> serverProbe() const;
    int reconnectWait() const { return m_reconnectWaitMs; }

    // Changes other connections commit, for a window that reads again only then. On PostgreSQL the server pushes
    // them (the ledger's triggers notify ai_settings_changed at commit): `changed` is called on the connection's
    // thread, again after a reconnect. On SQLite nothing is pushed (false): changedElsewhere() tells.
    bool notifyChanges(std::function<void()> changed);
    // SQLite: whether another connection committed since the last call (PRAGMA data_version, which reads no table).
    Result<bool> changedElsewhere();
    // PostgreSQL: whether the connection is known to be gone (its socket closed), sending nothing to find out.
    bool knownLost() const;
    // PostgreSQL: whether a change was notified that the socket's watch has not told yet (libpq keeps those that
    // arrive while a statement runs). Sends nothing.
    bool takeChanges();

    // The system clock unless a test or benchmark set another; milliseconds since the epoch.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    const Clock& clock() const { return m_clock; }
    qint64 now() const { return m_clock.now(); }

    // A prepared statement, kept for the life of the connection.
    QSqlQuery& query(const QString& sql);
    // query() as a function, for code below the Database that takes its statements from whoever calls it.
    std::function<QSqlQuery&(const QString&)> preparedQueries()
    {
        return [this](const QString& sql) -> QSqlQuery& { return query(sql); };
    }
    Status audit(const QString& subject, const QString& change);

    // Who may do what. The members table is read for every check, so that a role another administrator
    // changes counts at once.
    Result<std::optional<Role>> roleOf(const QString& userName);
    // For reading: a membership confirmed less than a second ago is taken as it is, so that a page that asks a
    // dozen questions does not ask the server a dozen times who the user is. Changes always check afresh.
    Status requireMember();
    Status requireAdministrator(const QString& doing);
    // Owner, Admin or Recorder: recording usage.
    Status requireRecorder(const QString& doing);
    // While one is open, a Recorder reads what recording needs (settings, tenants, keys, the pool).
    class RecordingScope
    {
    public:
        explicit RecordingScope(Database& db) : m_db(db) { ++m_db.m_recordingDepth; }
        ~RecordingScope() { --m_db.m_recordingDepth; }
        RecordingScope(const RecordingScope&) = delete;
        RecordingScope& operator=(const RecordingScope&) = delete;

    private:
        Database& m_db;
    };
    // Owner or Admin; with `ownerOnly`, the Owner alone (the plan).
    Status requireRole(const QString& doing, bool ownerOnly);
    // Runs `change` in one write transaction after checking that the user may administer (with `ownerOnly`:
    // is an Owner); `doing` names the change in a refusal.
    Status administer(const QString& doing, const std::function<Status()>& change, bool ownerOnly = false);

    // A page that reads a dozen things to show one moment opens a read scope around them: the reads share one
    // read transaction (one snapshot, so the parts of the page agree with each other), and the stores answer a
    // question asked twice in it without asking the database again (ScopedMemo). Scopes nest; nothing may be
    // written inside one.
    class ReadScope
    {
    public:
        explicit ReadScope(Database& db);
        ~ReadScope();
        ReadScope(const ReadScope&) = delete;
        ReadScope& operator=(const ReadScope&) = delete;

    private:
        Database& m_db;
        std::unique_ptr<Sql::ReadTransaction> m_transaction; // the outermost scope's
    };
    // The open read scope's number (never the same twice), or 0 outside one.
    quint64 readScope() const { return m_scopeDepth > 0 ? m_scopeId : 0; }
    // Begins `tx` on this connection; refused inside a read scope, whose snapshot the write would end (on
    // PostgreSQL its rollback would take the scope's transaction with it).
    Status begin(Sql::WriteTransaction& tx);
    // Begins `tx` with `mayWrite` (a role check) once, where it decides: on SQLite inside the write lock, because
    // another process may change the members meanwhile; on a shared ledger before it, so that a member without
    // the role hears the program's sentence (the ledger's functions check again under the lock, in the server's
    // words, and the lock itself is refused to those who may not write).
    Status beginChecked(Sql::WriteTransaction& tx, const std::function<Status()>& mayWrite);

private:
    bool listenForChanges();
    Database(const Catalog& catalog, QString userName, QString location);
    Failure notAMember() const;
    Status beginCheckedOnce(Sql::WriteTransaction& tx, const std::function<Status()>& mayWrite);
    // Whether `failure` is the lost connection, to be opened again (reconnect) before the step that failed, having
    // written nothing, runs again.
    bool lostConnectionIn(const Failure& failure);
    // Runs `step`, which has written nothing should it fail; if it found the connection lost, opens it again (as
    // long as this Database may wait) and runs it once more.
    template <typename Step> auto onceMoreIfLost(Step step) -> decltype(step())
    {
        auto result = step();
        if (!result && lostConnectionIn(result.failure())) {
            if (const Status back = reconnect(m_reconnectWaitMs); !back)
                return back.failure();
            result = step();
        }
        return result;
    }
    Status reopenedIfClosed();
    // Why the connection is still lost after `waitMs` of trying to open it again.
    Failure lostConnectionFailure(int waitMs) const;

    const Catalog& m_catalog;
    QString m_userName;
    QString m_location;
    QString m_connectionName;
    Clock m_clock;
    // Held by pointer: a reference one caller holds must survive the cache growing for the next statement.
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
    QElapsedTimer m_memberSince; // when membership was last confirmed; invalid: not yet
    bool m_postgres = false;
    int m_recordingDepth = 0;
    int m_reconnectWaitMs = 0;
    std::function<void()> m_changed; // notifyChanges
    // A duplicate of the listening connection's socket, and the watch on it: libpq may close its own descriptor the
    // moment a statement finds the server gone, and a watch on a closed descriptor is an error to the event loop;
    // the duplicate stays open until the watch ends (stopWatching).
    std::unique_ptr<QSocketNotifier> m_changeWatch;
    int m_watchedSocket = -1;
    void stopWatching();
    qint64 m_dataVersion = -1; // changedElsewhere's last answer
    int m_scopeDepth = 0;
    quint64 m_scopeId = 0;
    std::unique_ptr<SqliteCheckpointer> m_checkpointer; // stopped before the connection closes
};
