#pragma once

#include <QSqlDatabase>

typedef struct pg_conn PGconn;

// The libpq connection under Qt's QPSQL driver, for what Qt does not offer: COPY, and telling a lost connection
// from a refused statement.
namespace PostgresConnection {

// Every connection to a shared ledger resolves names here only: the server's own catalog, then the ledger's schema
// (PostgresGuard). Nothing a member creates elsewhere (public, or any schema of their own) can stand in for what the
// program calls.
inline constexpr const char* searchPath = "pg_catalog,ai_settings,pg_temp";

// libpq's connection of `db`, or nullptr when it is not PostgreSQL through Qt's QPSQL driver.
PGconn* of(const QSqlDatabase& db);

// After a statement failed: whether the server is gone (restarted, crashed, the network dropped) rather than the
// statement refused. A closed connection counts as lost.
bool lost(const QSqlDatabase& db);
// Whether libpq already knows the connection is gone, without reading from it (what arrives is left to whoever
// reads the socket: Qt's driver, for notifications).
bool knownLost(const QSqlDatabase& db);

// The server's notices ("terminating connection due to administrator command" as it goes down) are not
// printed on stderr: what matters of them comes back as the failure of the statement it ends.
void keepNoticesQuiet(const QSqlDatabase& db);

// The connection's socket, to watch for what the server sends unasked (notifications); -1 when there is none.
int socket(const QSqlDatabase& db);
// Reads what the server sent without waiting, and answers whether a notification on `channel` from another
// connection was among it (or among those libpq kept while a statement ran). Sends nothing.
bool takeNotification(const QSqlDatabase& db, const char* channel);

// libpq's connection string for the server, database and role `db` is opened with, as Qt's driver builds it.
QByteArray connectionString(const QSqlDatabase& db);
// Whether the server at `connectionString` accepts connections now (libpq's PQping: no login, nothing read).
// Blocks for at most the connect timeout; safe on any thread, so that a window can ask without freezing.
bool answers(const QByteArray& connectionString);

} // namespace PostgresConnection
