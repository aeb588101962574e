#include "Roles.h"

QString roleId(Role role) { return roleLabel(role).toLower(); }

QString roleWithArticle(Role role)
{
    return (role == Role::Viewer ? QStringLiteral("a ") : QStringLiteral("an ")) + roleLabel(role);
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Owner: return QStringLiteral("Owner");
    case Role::Admin: return QStringLiteral("Admin");
    case Role::Viewer: return QStringLiteral("Viewer");
    }
    return {};
}

std::optional<Role> roleFromId(QStringView id)
{
    for (Role r : {Role::Owner, Role::Admin, Role::Viewer})
        if (id.compare(roleId(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}
