#pragma once

#include "ledger/postgres/PostgresGuard.h"
#include "rules/Catalog.h"

#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

// The suites that run on both backends (CTest runs them twice, the second time with
// AI_SETTINGS_TEST_BACKEND=postgresql) get their ledgers from here: an SQLite file in the test's folder, or a
// new database on the throw-away PostgreSQL cluster that scripts/run-tests.sh starts.
namespace TestBackend {

inline bool postgres()
{
    return qEnvironmentVariable("AI_SETTINGS_TEST_BACKEND") == QLatin1String("postgresql");
}

inline QString clusterHost()
{
    const QString host = qEnvironmentVariable("AI_SETTINGS_TEST_PG_HOST");
    if (host.isEmpty())
        qFatal("no PostgreSQL test cluster: run the tests through scripts/run-tests.sh, which starts one");
    return host;
}

// Runs `sql` as the cluster's superuser on its maintenance database (or on `database`).
inline void admin(const QString& sql, const QString& database = QStringLiteral("postgres"))
{
    const QString name = QStringLiteral("test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(clusterHost());
        db.setDatabaseName(database);
        db.setUserName(qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER"));
        if (!db.open())
            qFatal("cannot reach the PostgreSQL test cluster: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

// A role for `user`, so that a ledger opened as that user is one the server vouches for. Test roles are
// superusers: the tests are about the program's own roles (members), not the server's grants.
inline void ensureRole(const QString& user)
{
    admin(QStringLiteral("DO $$ BEGIN CREATE ROLE \"%1\" LOGIN SUPERUSER; "
                         "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
              .arg(user));
}

// On PostgreSQL a member is a role of the server: `user` gets one before it is added as a member.
inline void serverRole(const QString& user)
{
    if (postgres())
        ensureRole(user);
}

// The same ledger, opened as another user: on PostgreSQL that is another role.
inline QString as(const QString& location, const QString& user)
{
    if (!location.startsWith(QLatin1String("postgresql://")))
        return location;
    ensureRole(user);
    QString base = location.left(location.indexOf(QLatin1String("&user=")));
    return base + QStringLiteral("&user=") + user;
}

// A new, empty ledger location named after `name`, for `user` (who becomes its Owner on first open).
inline QString newLocation(const QTemporaryDir& dir, const QString& name, const QString& user)
{
    if (!postgres())
        return dir.filePath(name + QStringLiteral(".sqlite"));
    const QString database = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    admin(QStringLiteral("CREATE DATABASE %1").arg(database));
    const QString location = QStringLiteral("postgresql:///%1?host=%2").arg(database, clusterHost());
    // A shared ledger is created by a superuser of the server, with the user as its Owner (db init).
    ensureRole(user);
    const auto catalog = Catalog::builtIn();
    if (!catalog)
        qFatal("no catalog: %s", qPrintable(catalog.failure().message));
    if (const auto s = PostgresGuard::initAt(location + QStringLiteral("&user=") +
                                                 qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER"),
                                             catalog.value(), user);
        !s)
        qFatal("db init: %s", qPrintable(s.failure().message));
    return as(location, user);
}

// A connection as `role` to `database`, as psql makes it: the server's default search_path, nothing of the
// program's. Named `name`; the caller removes it.
inline QSqlDatabase connectAs(const QString& database, const QString& role, const QString& name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(clusterHost());
    db.setDatabaseName(database);
    db.setUserName(role);
    if (!db.open())
        qFatal("%s cannot connect: %s", qPrintable(role), qPrintable(db.lastError().text()));
    return db;
}

// A connection of the test's own to the ledger's database, to look at the tables themselves.
inline QSqlDatabase raw(const QString& location, const QString& connectionName)
{
    QSqlDatabase db;
    if (location.startsWith(QLatin1String("postgresql://"))) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        const QString path = location.mid(QStringLiteral("postgresql:///").size());
        db.setDatabaseName(path.left(path.indexOf(QLatin1Char('?'))));
        db.setHostName(clusterHost());
        db.setUserName(qEnvironmentVariable("AI_SETTINGS_TEST_PG_USER"));
        // The ledger's tables first, as the program sees them.
        db.setConnectOptions(QStringLiteral("options=-csearch_path=ai_settings,pg_catalog"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(location);
    }
    if (!db.open())
        qFatal("cannot open %s: %s", qPrintable(location), qPrintable(db.lastError().text()));
    return db;
}

} // namespace TestBackend
