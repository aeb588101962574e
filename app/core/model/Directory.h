#pragma once

#include "rules/Roles.h"

#include <QString>

// Who the install serves and who administers it.
struct Tenant
{
    QString id;
    QString name;
};

struct Member
{
    QString userName;
    Role role = Role::Viewer;
};
