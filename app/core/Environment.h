#pragma once

#include <QString>

// What the operating system says about who runs the program and where its data goes.
namespace Environment {

// The operating-system user name, as `whoami` prints it; members are matched on it.
QString currentUserName();

// The platform's app-data folder plus "usage.sqlite"; --db or AI_SETTINGS_DB override it.
QString defaultDatabasePath();

} // namespace Environment
