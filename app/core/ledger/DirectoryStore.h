#pragma once

#include "ledger/Database.h"
#include "ledger/ScopedMemo.h"
#include "model/Directory.h"

#include <QStringList>
#include <QVector>

// The tenants and members tables.
class DirectoryStore
{
public:
    explicit DirectoryStore(Database& db) : m_db(db) {}

    // Reading needs membership with any role; changing needs Owner or Admin, and each change is audited.
    Result<std::optional<Role>> roleOf(const QString& userName) { return m_db.roleOf(userName); }
    Result<QVector<Tenant>> tenants();
    Result<QVector<Member>> members();
    Status addTenant(const QString& id, const QString& name);
    // An empty name shows the id.
    Status renameTenant(const QString& id, const QString& name);
    Status setMember(const QString& userName, Role role);
    Status removeMember(const QString& userName);
    // Whether removeMember would be refused, and why, without changing anything: a window says so before it
    // asks (the last Owner stays).
    Status mayRemoveMember(const QString& userName);

    // For the other stores, inside their own checks and transactions.
    Result<bool> tenantExists(const QString& id);
    // Bad input naming the command that adds it, when there is no such tenant.
    Status requireTenant(const QString& id);
    Status deleteTenant(const QString& id);
    // Adds the tenants an import names that do not exist yet, with their id as name; answers them, sorted.
    Result<QStringList> addMissingTenants(const QStringList& ids);

private:
    Status removable(const QString& userName);
    // On PostgreSQL: refuses a user name that is no role of the server.
    Status requireServerRole(const QString& userName);
    Result<qint64> owners();

    Database& m_db;
    ScopedMemo<int, QVector<Tenant>> m_tenants; // one entry: the tenants read in the open read scope
};
