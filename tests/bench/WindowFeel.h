#pragma once

#include <QString>

// How the window feels on a ledger with a long history, its page read off the window's thread:
// start to first window mapped against a bare Qt window, the longest the event loop is held up while the page
// reads and while an import runs (and, on PostgreSQL, while the server stalls), how soon another process's change
// is on screen, and what the window reads while nothing changes. Each prints its figures. Need a QApplication.
namespace WindowFeel {

// In a child process: shows the window on `location` (a bare window when empty) and prints "mapped MS",
// "filled MS" (the page's state shown) and "peak KIB", MS counted from the process's start. Answers the exit code.
int showAndReport(const QString& location, qint64 now);
// In a child process: records one credit event on `location` with the clock at `at`, as a server would.
int recordOne(const QString& location, qint64 at);

// The window's start and the bare window's, `rounds` of each, in turn.
void startAgainstBareWindow(const QString& location, qint64 now, int rounds);
// The event loop's longest gap while the page reads again 20 times, while a file of `importRows` events is
// imported through the window, and on PostgreSQL while the server holds the page's reading for 10 s.
void stalls(const QString& location, qint64 now, int importRows);
// Another process records 10 events one after another; how soon each is on screen; then, nothing changing for
// `idleSeconds`, how often the page read.
void changesAndIdle(const QString& location, qint64 now, int idleSeconds);

} // namespace WindowFeel
