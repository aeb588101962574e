#include "ledger/DirectoryStore.h"

#include "ledger/postgres/PostgresGuard.h"
#include "ledger/SqlSupport.h"
#include "rules/Identifiers.h"
#include "support/Text.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryStore)
};
} // namespace

Result<bool> DirectoryStore::tenantExists(const QString& id)
{
    if (m_db.readScope() != 0) { // a page asks about the tenant it shows many times: read the list once
        const auto all = tenants();
        if (!all)
            return all.failure();
        return std::any_of(all->cbegin(), all->cend(), [&id](const Tenant& t) { return t.id == id; });
    }
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT 1 FROM tenants WHERE id = ?"));
    q.bindValue(0, id);
    if (Status s = Sql::exec(q, Words::tr("reading tenants")); !s)
        return s.failure();
    const bool found = q.next();
    q.finish();
    return found;
}

Status DirectoryStore::requireTenant(const QString& id)
{
    const auto exists = tenantExists(id);
    if (!exists)
        return exists.failure();
    if (!exists.value())
        return badInput(Words::tr("There is no tenant %1; add it with \"ai-settings tenants add %2\".")
                            .arg(Text::quoted(id), Text::escaped(id)));
    return success();
}

Result<QVector<Tenant>> DirectoryStore::tenants()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    if (const QVector<Tenant>* known = m_tenants.find(m_db, 0))
        return *known;
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT id, name FROM tenants ORDER BY id"));
    if (Status s = Sql::exec(q, Words::tr("reading tenants")); !s)
        return s.failure();
    QVector<Tenant> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    m_tenants.keep(m_db, 0, list);
    return list;
}

Status DirectoryStore::addTenant(const QString& id, const QString& name)
{
    if (!Identifiers::isValidTenantId(id))
        return badInput(Words::tr("Tenant id %1 is not valid; use up to 64 letters, digits, dots, dashes or "
                                  "underscores, starting with a letter or digit.")
                            .arg(Text::quoted(id)));
    if (Status s = Identifiers::checkDisplayName(name); !s)
        return s;
    return m_db.administer(Words::tr("Adding a tenant"), [&]() -> Status {
        const auto exists = tenantExists(id);
        if (!exists)
            return exists.failure();
        if (exists.value())
            return badInput(Words::tr("Tenant %1 already exists.").arg(Text::quoted(id)));
        QSqlQuery& q = m_db.query(m_db.isPostgres()
                                      ? QStringLiteral("SELECT ai_settings.add_tenant(?, ?, ?)")
                                      : QStringLiteral("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)"));
        q.bindValue(0, id);
        q.bindValue(1, name.trimmed().isEmpty() ? id : name.trimmed());
        q.bindValue(2, m_db.now());
        if (Status s = Sql::exec(q, Words::tr("adding a tenant")); !s)
            return s;
        return m_db.audit(QStringLiteral("tenant"), QStringLiteral("added %1").arg(id));
    });
}

Status DirectoryStore::renameTenant(const QString& id, const QString& name)
{
    if (Status s = Identifiers::checkDisplayName(name); !s)
        return s;
    return m_db.administer(Words::tr("Renaming a tenant"), [&]() -> Status {
        if (Status s = requireTenant(id); !s)
            return s;
        const QString shown = name.trimmed().isEmpty() ? id : name.trimmed();
        QSqlQuery& q = m_db.query(m_db.isPostgres() ? QStringLiteral("SELECT ai_settings.rename_tenant(?, ?)")
                                                    : QStringLiteral("UPDATE tenants SET name = ? WHERE id = ?"));
        q.bindValue(0, shown);
        q.bindValue(1, id);
        if (Status s = Sql::exec(q, Words::tr("renaming a tenant")); !s)
            return s;
        return m_db.audit(QStringLiteral("tenant"),
                          QStringLiteral("renamed %1 to %2").arg(id, Text::quoted(shown, Text::maxDisplayNameLength)));
    });
}

Status DirectoryStore::deleteTenant(const QString& id)
{
    if (Status s = requireTenant(id); !s)
        return s;
    QSqlQuery& q = m_db.query(m_db.isPostgres() ? QStringLiteral("SELECT ai_settings.remove_tenant(?)")
                                                : QStringLiteral("DELETE FROM tenants WHERE id = ?"));
    q.bindValue(0, id);
    if (Status s = Sql::exec(q, Words::tr("removing a tenant")); !s)
        return s;
    return m_db.audit(QStringLiteral("tenant"), QStringLiteral("removed %1").arg(id));
}

Result<QStringList> DirectoryStore::addMissingTenants(const QStringList& ids)
{
    QStringList added;
    for (const QString& id : ids) {
        const auto exists = tenantExists(id);
        if (!exists)
            return exists.failure();
        if (exists.value())
            continue;
        QSqlQuery& q = m_db.query(m_db.isPostgres()
                                      ? QStringLiteral("SELECT ai_settings.add_tenant(?, ?, ?)")
                                      : QStringLiteral("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)"));
        q.bindValue(0, id);
        q.bindValue(1, id);
        q.bindValue(2, m_db.now());
        if (Status s = Sql::exec(q, Words::tr("adding a tenant")); !s)
            return s.failure();
        added.append(id);
    }
    added.sort();
    return added;
}

Result<QVector<Member>> DirectoryStore::members()
{
    if (Status s = m_db.requireMember(); !s)
        return s.failure();
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT user_name, role FROM members ORDER BY user_name"));
    if (Status s = Sql::exec(q, Words::tr("reading members")); !s)
        return s.failure();
    QVector<Member> list;
    while (q.next())
        list.append({q.value(0).toString(), roleFromId(q.value(1).toString()).value_or(Role::Viewer)});
    q.finish();
    return list;
}

Result<qint64> DirectoryStore::owners()
{
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT COUNT(*) FROM members WHERE role = 'owner'"));
    return Sql::number(q, Words::tr("reading members"));
}

Status DirectoryStore::requireServerRole(const QString& userName)
{
    // On a shared ledger a member is a login role of the server, granted a ledger role.
    if (!m_db.isPostgres())
        return success();
    const auto found = PostgresGuard::roleExists(m_db.handle(), userName);
    if (!found)
        return found.failure();
    if (!found.value())
        return badInput(Words::tr("There is no role %1 on the database server; a superuser creates it (createuser %1), "
                                  "then add the member again.")
                            .arg(userName));
    return success();
}

Status DirectoryStore::setMember(const QString& userName, Role role)
{
    if (!Identifiers::isValidUserName(userName))
        return badInput(Words::tr("%1 is not a valid user name; use up to 128 letters, digits or ._@$- characters.")
                            .arg(Text::quoted(userName)));
    return m_db.administer(Words::tr("Changing members"), [&]() -> Status {
        const auto mine = m_db.roleOf(m_db.userName());
        const auto theirs = m_db.roleOf(userName);
        if (!mine || !theirs)
            return (!mine ? mine : theirs).failure();
        if ((role == Role::Owner || theirs.value() == Role::Owner) && mine.value() != Role::Owner)
            return refused(Words::tr("Only an Owner can grant or take away the Owner role."));
        if (Status s = requireServerRole(userName); !s)
            return s;
        if (theirs.value() == Role::Owner && role != Role::Owner) {
            const auto count = owners();
            if (!count)
                return count.failure();
            if (count.value() <= 1)
                return refused(Words::tr("%1 is the last Owner; make someone else Owner first.").arg(userName));
        }
        // Written first: a member who changes their own role may no longer write the trail afterwards.
        if (Status s = m_db.audit(QStringLiteral("member"), QStringLiteral("%1 is %2").arg(userName, roleId(role))); !s)
            return s;
        // On a shared ledger a member's role is a grant of the server, which the ledger's function gives.
        QSqlQuery& q = m_db.query(m_db.isPostgres()
                                      ? QStringLiteral("SELECT ai_settings.put_member(?, ?)")
                                      : QStringLiteral("INSERT INTO members (user_name, role) VALUES (?, ?) "
                                                       "ON CONFLICT (user_name) DO UPDATE SET role = excluded.role"));
        q.bindValue(0, userName);
        q.bindValue(1, roleId(role));
        return Sql::exec(q, Words::tr("saving a member"));
    });
}

Status DirectoryStore::mayRemoveMember(const QString& userName)
{
    if (Status s = m_db.requireAdministrator(Words::tr("Changing members")); !s)
        return s;
    return removable(userName);
}

Status DirectoryStore::removable(const QString& userName)
{
    const auto mine = m_db.roleOf(m_db.userName());
    const auto theirs = m_db.roleOf(userName);
    if (!mine || !theirs)
        return (!mine ? mine : theirs).failure();
    if (!theirs.value())
        return badInput(Words::tr("%1 is not a member.").arg(Text::quoted(userName)));
    if (theirs.value() == Role::Owner) {
        if (mine.value() != Role::Owner)
            return refused(Words::tr("Only an Owner can remove an Owner."));
        const auto count = owners();
        if (!count)
            return count.failure();
        if (count.value() <= 1)
            return refused(Words::tr("%1 is the last Owner; make someone else Owner first.").arg(userName));
    }
    return success();
}

Status DirectoryStore::removeMember(const QString& userName)
{
    return m_db.administer(Words::tr("Changing members"), [&]() -> Status {
        if (Status s = removable(userName); !s)
            return s;
        // Written first: a member who removes themselves may no longer write the trail afterwards.
        if (Status s = m_db.audit(QStringLiteral("member"), QStringLiteral("removed %1").arg(userName)); !s)
            return s;
        QSqlQuery& q = m_db.query(m_db.isPostgres() ? QStringLiteral("SELECT ai_settings.remove_member(?)")
                                                    : QStringLiteral("DELETE FROM members WHERE user_name = ?"));
        q.bindValue(0, userName);
        return Sql::exec(q, Words::tr("removing a member"));
    });
}
