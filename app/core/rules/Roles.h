#pragma once

#include <QString>

#include <optional>

// A Recorder is a server that records usage: it may record, and read what recording needs, nothing else.
enum class Role
{
    Owner,
    Admin,
    Viewer,
    Recorder
};

QString roleId(Role role);                      // "owner", "admin", "viewer", "recorder"
QString roleLabel(Role role);                   // "Owner", "Admin", "Viewer"
QString roleWithArticle(Role role);             // "an Owner", "an Admin", "a Viewer"
std::optional<Role> roleFromId(QStringView id); // case-insensitive

// Keys, models, plan, tenants, members and recorded usage change only through an Owner or Admin.
inline bool canAdminister(Role role)
{
    return role == Role::Owner || role == Role::Admin;
}
// Usage is recorded by an Owner, an Admin or a Recorder.
inline bool canRecord(Role role)
{
    return role != Role::Viewer;
}
// Everything but recording is read by the people who administer or view the ledger, not by a Recorder.
inline bool canRead(Role role)
{
    return role != Role::Recorder;
}
// The plan is billing, and changes only through an Owner.
inline bool canChangePlan(Role role)
{
    return role == Role::Owner;
}
