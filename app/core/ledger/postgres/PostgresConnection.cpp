#include "ledger/postgres/PostgresConnection.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace PostgresConnection {

PGconn* of(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QPSQL") || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt declares the handle by libpq's struct name; PGconn is its typedef.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(handle.constData());
}

bool lost(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return false;
    PGconn* connection = of(db);
    if (!db.isOpen() || !connection)
        return true;
    // libpq marks the connection bad once it reads the end of the server's socket; a statement may have failed
    // on it before that ("server closed the connection unexpectedly"), so read what is there (without waiting).
    if (PQstatus(connection) != CONNECTION_BAD)
        PQconsumeInput(connection);
    return PQstatus(connection) == CONNECTION_BAD;
}

bool knownLost(const QSqlDatabase& db)
{
    PGconn* connection = of(db);
    return db.driverName() == QLatin1String("QPSQL") &&
           (!db.isOpen() || !connection || PQstatus(connection) == CONNECTION_BAD);
}

int socket(const QSqlDatabase& db)
{
    PGconn* connection = of(db);
    return connection ? PQsocket(connection) : -1;
}

bool takeNotification(const QSqlDatabase& db, const char* channel)
{
    PGconn* connection = of(db);
    if (!connection || PQstatus(connection) == CONNECTION_BAD)
        return false;
    PQconsumeInput(connection);
    // The connection's own changes come back to it too; whoever made them knows of them already.
    const int own = PQbackendPID(connection);
    bool found = false;
    while (PGnotify* notify = PQnotifies(connection)) {
        found |= qstrcmp(notify->relname, channel) == 0 && notify->be_pid != own;
        PQfreemem(notify);
    }
    return found;
}

void keepNoticesQuiet(const QSqlDatabase& db)
{
    if (PGconn* connection = of(db))
        PQsetNoticeProcessor(
            connection, [](void*, const char*) {}, nullptr);
}

QByteArray connectionString(const QSqlDatabase& db)
{
    const auto quoted = [](QString value) {
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
        return QLatin1Char('\'') + value + QLatin1Char('\'');
    };
    QStringList parts;
    if (!db.hostName().isEmpty())
        parts << QStringLiteral("host=") + quoted(db.hostName());
    if (db.port() > 0)
        parts << QStringLiteral("port=%1").arg(db.port());
    parts << QStringLiteral("dbname=") + quoted(db.databaseName());
    if (!db.userName().isEmpty())
        parts << QStringLiteral("user=") + quoted(db.userName());
    // The start-up options as the driver passes them: "key=value" pairs, separated by ';'.
    for (const QString& option : db.connectOptions().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        if (equals > 0)
            parts << option.left(equals).trimmed() + QLatin1Char('=') + quoted(option.mid(equals + 1).trimmed());
    }
    return parts.join(QLatin1Char(' ')).toUtf8();
}

bool answers(const QByteArray& connectionString)
{
    return PQping(connectionString.constData()) == PQPING_OK;
}

} // namespace PostgresConnection
