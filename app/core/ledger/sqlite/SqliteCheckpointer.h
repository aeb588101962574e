#pragma once

#include <QSqlDatabase>

#include <memory>

// Keeps SQLite's write-ahead log small for writers that never pause, off the path of their commits.
//
// By default the connection whose commit fills the log past 1,000 pages copies it back into the database file
// and syncs both before its commit returns, so a recorder that answers after each event makes that event wait
// several milliseconds. Worse, while several recorders write without a pause the log never finds the moment in
// which it may start again from its beginning (every page copied back, nobody reading it), and it grows without
// end: past 200 MiB within 10,000 events of four recorders. With a checkpointer the connection only signals; a
// thread with its own connection to the file copies the log back without holding anyone up, and once the log
// has grown past `restartPages` waits for that moment (holding new writers back for the little left to copy).
class SqliteCheckpointer
{
public:
    // Nothing when `db` is not SQLite through the library this program links (see SqliteBulkInsert::available).
    static std::unique_ptr<SqliteCheckpointer> start(const QSqlDatabase& db, int checkpointPages = 4000,
                                                     int restartPages = 16000);
    // Gives the connection SQLite's own automatic checkpoint back.
    ~SqliteCheckpointer();

    SqliteCheckpointer(const SqliteCheckpointer&) = delete;
    SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

    // For one large commit on a connection whose checkpoints SQLite runs itself (an import). By default the commit
    // that fills the log copies it back before it returns: after an import, the whole import (8 s at 10M events),
    // through which whoever waits for the committer to let go waits too. While this lives, commits leave the log;
    // copyBack() copies it without holding any writer back (PASSIVE). Dropped, it gives SQLite's automatic
    // checkpoint back. Nothing when `db` is not SQLite through this program's library.
    class AfterCommit
    {
    public:
        explicit AfterCommit(const QSqlDatabase& db);
        ~AfterCommit();
        AfterCommit(const AfterCommit&) = delete;
        AfterCommit& operator=(const AfterCommit&) = delete;
        void copyBack();

    private:
        struct sqlite3* m_writer = nullptr;
    };

private:
    struct State;
    explicit SqliteCheckpointer(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};
