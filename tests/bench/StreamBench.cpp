#include "StreamBench.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

// An SQLite ledger's log file keeps the size of the largest transaction so far (the import); empty it, so that the
// largest size seen while the writers record is theirs.
void emptyTheLog(const QString& location)
{
    if (!QFileInfo::exists(location + QStringLiteral("-wal")))
        return;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-log"));
        db.setDatabaseName(location);
        if (db.open())
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-log"));
}

// One `ai-settings record --stdin` with pipes to its standard input and output; standard error is discarded.
struct Recorder
{
    pid_t pid = -1;
    int toChild = -1;
    int fromChild = -1;
    QByteArray pending; // read but not yet taken

    bool start(const QString& location)
    {
        int in[2] = {-1, -1}, out[2] = {-1, -1};
        // Close-on-exec: a recorder started at the same time by another thread must not hold this one's pipes open.
        if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
            for (int fd : {in[0], in[1], out[0], out[1]})
                if (fd >= 0)
                    close(fd);
            return false;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        const QByteArray db = location.toUtf8();
        const char* argv[] = {AI_SETTINGS_BIN, "--db", db.constData(), "record", "--stdin", nullptr};
        const int rc = posix_spawn(&pid, AI_SETTINGS_BIN, &actions, nullptr, const_cast<char**>(argv), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(in[0]);
        close(out[1]);
        if (rc != 0) {
            close(in[1]);
            close(out[0]);
            pid = -1;
            return false;
        }
        toChild = in[1];
        fromChild = out[0];
        return true;
    }
    bool send(const QByteArray& line)
    {
        for (qsizetype done = 0; done < line.size();) {
            const ssize_t n = write(toChild, line.constData() + done, size_t(line.size() - done));
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }
    void closeInput()
    {
        if (toChild >= 0)
            close(std::exchange(toChild, -1));
    }
    // The next answer line, or an empty one at the end of output.
    QByteArray nextLine()
    {
        for (;;) {
            const qsizetype end = pending.indexOf('\n');
            if (end >= 0) {
                QByteArray line = pending.left(end);
                pending.remove(0, end + 1);
                return line;
            }
            char chunk[65536];
            const ssize_t n = read(fromChild, chunk, sizeof chunk);
            if (n <= 0)
                return {};
            pending.append(chunk, n);
        }
    }
    void finish()
    {
        closeInput();
        close(fromChild);
        int status = 0;
        waitpid(pid, &status, 0);
    }
};

} // namespace

StreamResult recordStream(const QString& location, int writers, int perWriter, int tenants, bool pipelined,
                          int firstEvent)
{
    // Theme generations on the install's key (0 credits), now, spread over the tenants: no pool or rate limit
    // decides the outcome, every event is recorded.
    const auto eventLine = [&](int n) {
        const QString tenant = n % (tenants + 1) ? QStringLiteral("tenant-%1").arg(n % (tenants + 1)) : QString();
        QJsonObject event{{QStringLiteral("action"), QStringLiteral("theme")}};
        if (!tenant.isEmpty())
            event.insert(QStringLiteral("tenant"), tenant);
        return QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    };
    const QByteArray log = (location + QStringLiteral("-wal")).toUtf8(); // nothing there for a PostgreSQL URI
    emptyTheLog(location);

    StreamResult result;
    std::mutex collected;
    std::vector<double> latencies;
    std::atomic<int> failures{0};
    std::atomic<qint64> largestLog{-1};
    // Each writer is a thread that blocks on its own pipes, as a server's worker would: the figures are the
    // recorder's, not a shared event loop's.
    const auto runWriter = [&](int writer) {
        Recorder r;
        if (!r.start(location))
            return; // its events have no answer, and the count of failures at the end includes them
        std::vector<QByteArray> lines;
        for (int i = 0; i < perWriter; ++i)
            lines.push_back(eventLine(firstEvent + writer * perWriter + i));
        std::vector<std::atomic<Clock::rep>> sentAt(static_cast<size_t>(perWriter)); // written by the sender
        std::vector<double> mine;
        std::thread sender;
        if (pipelined)
            sender = std::thread([&] {
                for (int i = 0; i < perWriter; ++i) {
                    sentAt[size_t(i)] = Clock::now().time_since_epoch().count();
                    if (!r.send(lines[size_t(i)]))
                        break;
                }
                r.closeInput();
            });
        for (int i = 0; i < perWriter; ++i) {
            if (!pipelined) {
                sentAt[size_t(i)] = Clock::now().time_since_epoch().count();
                if (!r.send(lines[size_t(i)]))
                    break;
            }
            const QByteArray answer = r.nextLine();
            if (answer.isEmpty())
                break;
            // Pipelined: the sender stored this line's time before writing it, and the answer came after that.
            const Clock::duration took(Clock::now().time_since_epoch().count() - sentAt[size_t(i)]);
            mine.push_back(std::chrono::duration<double, std::milli>(took).count());
            if (!QJsonDocument::fromJson(answer).object().value(QStringLiteral("ok")).toBool())
                ++failures;
            struct stat st;
            if (i % 100 == 0 && stat(log.constData(), &st) == 0 && st.st_size > largestLog)
                largestLog = st.st_size;
        }
        if (sender.joinable())
            sender.join();
        r.finish();
        const std::lock_guard<std::mutex> lock(collected);
        latencies.insert(latencies.end(), mine.begin(), mine.end());
    };
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back(runWriter, w);
    for (std::thread& t : threads)
        t.join();
    const qint64 elapsed = wall.elapsed();
    result.eventsPerSecond = latencies.size() * 1000.0 / qMax<qint64>(1, elapsed);
    result.latency = Bench::stats(latencies);
    result.failures = failures + int(writers * perWriter - latencies.size());
    result.largestLog = largestLog;
    return result;
}
