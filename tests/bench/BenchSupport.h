#pragma once

#include <QString>
#include <QTextStream>

#include <algorithm>
#include <vector>

// What the benchmark's parts share: printing figures and summing up samples.
namespace Bench {

QTextStream& out();

struct Stats
{
    double median = 0;
    double p99 = 0;
};

inline Stats stats(std::vector<double> ms)
{
    if (ms.empty())
        return {};
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.99))]};
}

// The process's peak resident memory since the last reset of /proc/self/clear_refs, as "N MiB".
QString peakMemory();

// Removes an SQLite database and its log and shared-memory files.
void removeSqliteFiles(const QString& file);

// "label ............ text", one line.
void line(const QString& label, const QString& text);
void print(const QString& label, const Stats& s);

// A PostgreSQL cluster to measure on: its socket folder and superuser, from --pg-host (scripts/bench.sh).
struct Cluster
{
    QString host;
    QString user = QStringLiteral("aisettings");
    bool enabled() const { return !host.isEmpty(); }
    // Creates an empty database and answers its URI, or an empty string (and a printed reason) on failure.
    QString newDatabase(const QString& name) const;
};

} // namespace Bench
