#pragma once

#include <QString>

#include <optional>

enum class Role { Owner, Admin, Viewer };

QString roleId(Role role); // "owner", "admin", "viewer"
QString roleLabel(Role role); // "Owner", "Admin", "Viewer"
QString roleWithArticle(Role role); // "an Owner", "an Admin", "a Viewer"
std::optional<Role> roleFromId(QStringView id); // case-insensitive

// Keys, models, plan, tenants, members and recorded usage change only through an Owner or Admin.
inline bool canAdminister(Role role) { return role == Role::Owner || role == Role::Admin; }
// The plan is billing, and changes only through an Owner.
inline bool canChangePlan(Role role) { return role == Role::Owner; }
