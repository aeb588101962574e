#pragma once

#include "ledger/postgres/PostgresConnection.h"

#include "rules/Catalog.h"
#include "support/Result.h"

#include <QSqlDatabase>
#include <QStringList>

// The shared ledger's wall on PostgreSQL. The ledger lives in the schema ai_settings, owned by a role nobody logs
// in as (<database>_ledger); members are the roles granted one of the group roles <database>_owner, _admin,
// _recorder or _viewer. Members read the tables and write only through the schema's functions, which run as the
// owning role, check the caller's role and write in the caller's name (resources/sql/postgres-guard.sql).
namespace PostgresGuard {

// Every connection resolves names only along PostgresConnection::searchPath.
inline constexpr const char* searchPath = PostgresConnection::searchPath;

struct RoleNames
{
    QString ledger, owner, admin, recorder, viewer;
    // The group role of a program role id ("owner", …).
    QString group(const QString& role) const;
};
// The roles of the ledger in `database`; role names are the server's, so they carry the database's name.
RoleNames roleNamesFor(const QString& database);

// What db init did: created the ledger (upgradedFrom 0), or gave a ledger of an older schema version this
// version's functions (upgradedFrom that version).
struct InitOutcome
{
    int upgradedFrom = 0;
};

// Creates the ledger in the empty database `db` (connected as a superuser of the server): the roles, the schema,
// the tables, the functions and the grants, with the role `owner` as its first Owner. One transaction. On a
// database whose ledger is of an older schema version, replaces its functions instead (`owner` is not used).
Result<InitOutcome> init(const QSqlDatabase& db, const Catalog& catalog, const QString& owner);

// What is wrong with the privileges of the ledger in `db`: each problem is one sentence. Empty: none.
Result<QStringList> check(const QSqlDatabase& db);

// The same, at a PostgreSQL URI, on a connection of their own.
Result<InitOutcome> initAt(const QString& location, const Catalog& catalog, const QString& owner);
Result<QStringList> checkAt(const QString& location);

// Whether the server has a role named `name`.
Result<bool> roleExists(const QSqlDatabase& db, const QString& name);

// The owning role of the ledger in `db` (from ai_settings.ledger_roles).
Result<QString> ledgerRole(const QSqlDatabase& db);

} // namespace PostgresGuard
