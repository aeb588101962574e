#pragma once

#include "support/Result.h"

#include <QString>

// What tenant ids, user names, event ids and display names may be (DESIGN.md §3): whole strings, no control
// characters, bounded length.
namespace Identifiers {

bool isValidTenantId(const QString& id);
bool isValidUserName(const QString& name);
bool isValidEventId(const QString& id);
// Display names (tenants) are plain text of at most Text::maxDisplayNameLength characters.
Status checkDisplayName(const QString& name);

} // namespace Identifiers
