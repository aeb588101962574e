#include "rules/Roles.h"

#include <QCoreApplication>

QString roleId(Role role)
{
    switch (role) {
    case Role::Owner:
        return QStringLiteral("owner");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Recorder:
        return QStringLiteral("recorder");
    }
    return {};
}

QString roleWithArticle(Role role)
{
    switch (role) {
    case Role::Owner:
        return QCoreApplication::translate("Roles", "an Owner");
    case Role::Admin:
        return QCoreApplication::translate("Roles", "an Admin");
    case Role::Viewer:
        return QCoreApplication::translate("Roles", "a Viewer");
    case Role::Recorder:
        return QCoreApplication::translate("Roles", "a Recorder");
    }
    return {};
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Owner:
        return QCoreApplication::translate("Roles", "Owner");
    case Role::Admin:
        return QCoreApplication::translate("Roles", "Admin");
    case Role::Viewer:
        return QCoreApplication::translate("Roles", "Viewer");
    case Role::Recorder:
        return QCoreApplication::translate("Roles", "Recorder");
    }
    return {};
}

std::optional<Role> roleFromId(QStringView id)
{
    for (Role r : {Role::Owner, Role::Admin, Role::Viewer, Role::Recorder})
        if (id.compare(roleId(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}
