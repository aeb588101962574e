#pragma once

#include "support/Result.h"

#include <QString>

// Where a ledger lives: an SQLite file (the embedded default), or a PostgreSQL database named by a libpq
// connection URI ("postgresql://user@host:5432/aisettings?sslmode=require"). A password never travels in the
// address: libpq reads it from ~/.pgpass or PGPASSWORD itself, so it is never stored, shown or logged by us.
struct DatabaseAddress
{
    bool postgres = false;
    QString text; // as given
    QString path; // SQLite: the file

    // PostgreSQL: what QPSQL passes to libpq. Empty values are left to libpq's own defaults (PGHOST, the socket,
    // the OS user name, ...).
    QString host;
    int port = -1;
    QString database;
    QString user;
    QString options; // further libpq keywords, "key=value;key=value" as QPSQL takes them

    static bool looksLikeUri(const QString& text);
    // A path is taken as it is; a URI is checked: scheme, no password, libpq keywords with plain values.
    static Result<DatabaseAddress> parse(const QString& text);
};
