#pragma once

#include "support/Result.h"

#include <QString>

class QFileDevice;

// What the operating system says about who runs the program and where its data goes.
namespace Environment {

// The operating-system user name, as `whoami` prints it; members are matched on it.
QString currentUserName();
// Who holds a key stored here, as the shared ledger names it: "user@host". Identifies a keychain, not a secret.
QString keychainHolder();

// The platform's app-data folder plus "usage.sqlite"; --db or AI_SETTINGS_DB override it.
QString defaultDatabasePath();

// Ledgers and exports hold the organisation's usage, members and audit trail: they are created readable and
// writable by their owner only (0600), in folders only the owner can enter (0700), whatever the umask.
// Creates `path` empty and private when it does not exist yet; an existing file is left as it is.
Status createPrivateFile(const QString& path);
// "Cannot open the database at PATH: WHY." for a database file that cannot be created or opened.
Failure cannotOpenDatabase(const QString& path, const QString& why);
// Creates the folder (and its missing parents) private to the owner.
bool makePrivateFolder(const QString& path);
// Makes an open file (a QSaveFile's temporary file, say) private to the owner before anything is written to it.
bool restrictToOwner(QFileDevice& file);

} // namespace Environment
