#include "ledger/sqlite/SqliteCheckpointer.h"

#include "ledger/sqlite/SqliteBulkInsert.h"

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace {

// SQLite's own automatic checkpoint starts at this many pages in the log.
constexpr int sqliteDefaultPages = 1000;

} // namespace

struct SqliteCheckpointer::State
{
    sqlite3* writer = nullptr;
    sqlite3* own = nullptr;
    int checkpointPages = 0;
    int restartPages = 0;
    std::mutex mutex;
    std::condition_variable wake;
    bool due = false;
    int logged = 0; // pages in the log at the last commit
    int tried = 0;  // pages in the log when the last checkpoint here started
    bool stopping = false;
    std::thread thread;

    void run()
    {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            wake.wait(lock, [this] { return due || stopping; });
            if (stopping)
                return;
            due = false;
            // PASSIVE never waits for anyone; RESTART waits (through the busy handler) until the log can start over.
            const bool restart = logged >= restartPages;
            tried = logged;
            lock.unlock();
            // Busy while another program's checkpoint runs, or (RESTART) while a long read such as an export keeps
            // the log: the next try comes `checkpointPages` later. A RESTART holds new writers back for as long
            // as it copies, so the log is first copied without holding anyone: after one large commit (an import
            // of millions of events) that copy takes seconds, which recorders would otherwise wait through.
            sqlite3_wal_checkpoint_v2(own, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (restart)
                sqlite3_wal_checkpoint_v2(own, "main", SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
            lock.lock();
        }
    }

    // SQLite's WAL hook: called after each commit, with the pages now in the log.
    static int committed(void* self, sqlite3*, const char*, int pages)
    {
        auto* state = static_cast<State*>(self);
        {
            const std::lock_guard<std::mutex> lock(state->mutex);
            if (pages < state->logged)
                state->tried = 0; // the log started again from its beginning
            state->logged = pages;
            if (pages - state->tried < state->checkpointPages)
                return SQLITE_OK;
            state->due = true;
        }
        state->wake.notify_one();
        return SQLITE_OK;
    }
};

std::unique_ptr<SqliteCheckpointer> SqliteCheckpointer::start(const QSqlDatabase& db, int checkpointPages,
                                                              int restartPages)
{
    sqlite3* writer = SqliteBulkInsert::connectionOf(db);
    if (!writer)
        return nullptr;
    auto state = std::make_unique<State>();
    state->writer = writer;
    state->checkpointPages = checkpointPages;
    state->restartPages = restartPages;
    const char* file = sqlite3_db_filename(state->writer, "main");
    if (!file || !*file ||
        sqlite3_open_v2(file, &state->own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(state->own);
        return nullptr;
    }
    // How long a RESTART may hold new writers back waiting for readers to leave the log.
    SqliteBulkInsert::waitBriefly(state->own, 10);
    // A connection finds the file in WAL mode at its first read; until then a checkpoint does nothing.
    if (sqlite3_exec(state->own, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_close(state->own);
        return nullptr;
    }
    state->thread = std::thread([s = state.get()] { s->run(); });
    // Replaces the automatic checkpoint (which is itself a WAL hook) with the signal.
    sqlite3_wal_hook(state->writer, &State::committed, state.get());
    return std::unique_ptr<SqliteCheckpointer>(new SqliteCheckpointer(std::move(state)));
}

SqliteCheckpointer::SqliteCheckpointer(std::unique_ptr<State> state) : m_state(std::move(state)) {}

SqliteCheckpointer::~SqliteCheckpointer()
{
    sqlite3_wal_autocheckpoint(m_state->writer, sqliteDefaultPages); // also takes the hook away
    {
        const std::lock_guard<std::mutex> lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->wake.notify_one();
    m_state->thread.join();
    sqlite3_close(m_state->own);
}

SqliteCheckpointer::AfterCommit::AfterCommit(const QSqlDatabase& db) : m_writer(SqliteBulkInsert::connectionOf(db))
{
    if (m_writer)
        sqlite3_wal_autocheckpoint(m_writer, 0);
}

SqliteCheckpointer::AfterCommit::~AfterCommit()
{
    if (m_writer)
        sqlite3_wal_autocheckpoint(m_writer, sqliteDefaultPages);
}

void SqliteCheckpointer::AfterCommit::copyBack()
{
    // Busy when another connection's checkpoint runs: that one copies the log instead.
    if (m_writer)
        sqlite3_wal_checkpoint_v2(m_writer, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}
