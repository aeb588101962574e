#include "Baselines.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

namespace Baselines {

namespace {

// usage_events as schema version 1 creates it, with its index; the CSV has no recorded_by column.
const char* const table =
    "CREATE TABLE usage_events (id TEXT PRIMARY KEY, occurred_at TEXT NOT NULL, tenant TEXT NOT NULL, "
    "action TEXT NOT NULL, model TEXT NOT NULL, billing TEXT NOT NULL, credits TEXT);"
    "CREATE INDEX usage_events_by_tenant ON usage_events (tenant, billing, occurred_at);";

double timed(const QString& program, const QStringList& arguments, const QByteArray& input, qint64 rows)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(program, arguments);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(3600000) || p.exitCode() != 0) {
        Bench::out() << program << " failed: " << p.readAllStandardError() << Qt::endl;
        return 0;
    }
    return rows * 1000.0 / qMax<qint64>(1, timer.elapsed());
}

} // namespace

double sqliteShellImport(const QString& csv, const QString& folder, qint64 rows)
{
    const QString db = folder + QStringLiteral("/baseline.sqlite");
    QFile::remove(db);
    // The same page cache and journal as the ledger, and one transaction, as .import uses.
    const QByteArray script =
        QByteArray("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;") + table +
        "\n.mode csv\n.import --skip 1 " + csv.toUtf8() + " usage_events\n";
    const double rate = timed(QStringLiteral("sqlite3"), {db}, script, rows);
    Bench::removeSqliteFiles(db);
    return rate;
}

double psqlCopy(const Bench::Cluster& cluster, const QString& csv, qint64 rows)
{
    const QString uri = cluster.newDatabase(QStringLiteral("bench_baseline"));
    if (uri.isEmpty())
        return 0;
    const QByteArray script = QByteArray(table) + "\n\\copy usage_events FROM '" + csv.toUtf8() +
                              "' WITH (FORMAT csv, HEADER true, FORCE_NOT_NULL (tenant, model, credits))\n";
    return timed(QStringLiteral("psql"),
                 {QStringLiteral("-h"), cluster.host, QStringLiteral("-U"), cluster.user, QStringLiteral("-d"),
                  QStringLiteral("bench_baseline"), QStringLiteral("-q"), QStringLiteral("-v"),
                  QStringLiteral("ON_ERROR_STOP=1")},
                 script, rows);
}

double commandLineImport(const QString& program, const QString& csv, const QString& folder, qint64 rows)
{
    const QString db = folder + QStringLiteral("/command-line.sqlite");
    Bench::removeSqliteFiles(db); // a run stopped halfway would leave a ledger that holds the events already
    const double rate = timed(program, {QStringLiteral("--db"), db, QStringLiteral("import"), csv}, {}, rows);
    Bench::removeSqliteFiles(db);
    return rate;
}

} // namespace Baselines
