#pragma once

#include <QStringList>

// The command line of DESIGN.md §3. One executable: with a command it works here, without one it opens the window.
namespace Cli {

// True when the arguments name a command (or ask for help or the version) rather than the window.
bool wantsCommandLine(const QStringList& arguments);

// True when the output is for programs (--json, record --stdin): it is in English whatever the locale, so a
// script that matches an answer or an error reads the same bytes on every machine.
bool speaksToMachines(const QStringList& arguments);

// The database the arguments (--db), the environment (AI_SETTINGS_DB) or the platform default point at.
QString databasePath(const QStringList& arguments);

// Runs the command; `arguments` starts with the program name. Returns the process exit code.
int run(const QStringList& arguments);

} // namespace Cli
