// Builds ledgers with a long history and prints how fast the everyday operations are on them, on SQLite and, with
// --pg-host (scripts/bench.sh starts a cluster), on PostgreSQL, side by side with the standard tools.
//   ai-settings-bench [--events N[,N…]] [--months M] [--tenants T] [--dir DIR] [--pg-host SOCKET_DIR]
//   ai-settings-bench --first-paint SQLITE_FILE,POSTGRESQL_URI
//   ai-settings-bench --window-feel [--events N] [--idle S] [--pg-host SOCKET_DIR]
#include "Baselines.h"
#include "BenchSupport.h"
#include "ledger/Ledger.h"
#include "rules/Catalog.h"
#include "services/UsageTransfer.h"
#include "StreamBench.h"
#include "support/Clock.h"
#include "support/Environment.h"
#include "support/IsoTime.h"
#include "WindowBench.h"
#include "WindowFeel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <thread>

using Bench::line;
using Bench::print;
using Bench::stats;

namespace {

const qint64 now = IsoTime::parse(u"2026-06-15T12:00:00Z").value();
const qint64 periodStart = IsoTime::parse(u"2026-06-01T00:00:00Z").value();
const qint64 nextPeriod = IsoTime::parse(u"2026-07-01T00:00:00Z").value();

// Events spread evenly over `months` before `now`, across the install and `tenants` tenants. Events of the
// current period are BYOK, so that the record benchmark still finds credits in the pool.
void writeHistory(const QString& path, qint64 events, int months, int tenants)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QByteArray buffer = "id,occurred_at,tenant,action,model,billing,credits\n";
    const char* actions[] = {"theme", "content", "inline_text", "image", "analysis", "trigger"};
    const char* models[] = {"claude-sonnet-4-6", "claude-opus-4-6", "claude-haiku-4-5", ""};
    QRandomGenerator random(42);
    const qint64 span = qint64(months) * 30 * 86400000LL;
    for (qint64 i = 0; i < events; ++i) {
        const qint64 at = now - span + span * i / events;
        const int action = random.bounded(6);
        const int tenant = random.bounded(tenants + 1);
        const bool byok = at >= periodStart || random.bounded(10) < 3;
        buffer += QUuid::createUuidV5(QUuid(), QByteArray::number(i)).toByteArray(QUuid::WithoutBraces) + ',' +
                  IsoTime::formatUtc(at).toLatin1() + ',' +
                  (tenant ? "tenant-" + QByteArray::number(tenant) : QByteArray()) + ',' + actions[action] + ',' +
                  (action == 3 ? "" : models[random.bounded(3)]) + ',' + (byok ? "byok" : "credits") + ",\n";
        if (buffer.size() > (1 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
}

struct Options
{
    int months = 36;
    int tenants = 50;
    int writers = 4;
    int perWriter = 2500;
    QString folder;
};

// Every measure on one ledger; answers the median first paint, or a negative number when a step failed.
double measure(const QString& backend, const QString& location, const QString& csv, qint64 events, double baseline,
               const Options& o)
{
    Bench::out() << "-- " << backend << Qt::endl;
    const Catalog catalog = Catalog::builtIn().value();
    auto opened = Ledger::open(location, catalog, QStringLiteral("bench"));
    if (!opened) {
        Bench::out() << opened.failure().message << Qt::endl;
        return -1;
    }
    Ledger& ledger = *opened.value();
    // Enterprise since before the running period, so that usage recorded as it happens (clock moved back to each
    // event's time below) meets the same allocation as at `now`.
    ledger.setClock(Clock::fixedAt(now - 40 * 86400000LL));
    ledger.settings().setPlan(QStringLiteral("enterprise"));
    ledger.setClock(Clock::fixedAt(now));
    // The window and the recording processes open the database as whoever runs the benchmark (on PostgreSQL: the
    // role that created it, already its Owner).
    ledger.directory().setMember(Environment::currentUserName(), Role::Admin);

    // While the file is imported, another connection records an event every 20 ms, as a server would, and the
    // import's peak memory is read from the kernel (VmHWM, reset just before).
    std::atomic<bool> importing{true};
    std::vector<double> recordMs;
    int recordFailures = 0;
    QString firstRecordFailure;
    int busyFailures = 0;
    std::thread recorder([&] {
        auto other = Ledger::open(location, catalog, QStringLiteral("bench"));
        if (!other)
            return;
        QElapsedTimer one;
        for (qint64 i = 0; importing; ++i) {
            // From the next period on (pools of their own, which the later measures do not see), an hour apart: an
            // inline text of one credit each stays within every period's pool and the rate limit.
            other.value()->setClock(Clock::fixedAt(nextPeriod + 3600000 + i * 3600000));
            one.start();
            const auto r = other.value()->usage().record(
                {QStringLiteral("inline_text"), QString(), std::nullopt, QString(), false});
            recordMs.push_back(one.nsecsElapsed() / 1e6);
            if (!r.ok() && recordFailures++ == 0)
                firstRecordFailure = r.failure().message;
            busyFailures += !r.ok() && r.failure().busy ? 1 : 0;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    {
        QFile reset(QStringLiteral("/proc/self/clear_refs"));
        if (reset.open(QIODevice::WriteOnly))
            reset.write("5");
    }
    QElapsedTimer timer;
    timer.start();
    const auto summary = UsageTransfer::importFile(ledger, csv, false);
    const qint64 importMs = timer.elapsed();
    importing = false;
    recorder.join();
    line(QStringLiteral("import: peak memory of the process (VmHWM)"), Bench::peakMemory());
    const Bench::Stats meanwhile = stats(recordMs);
    line(QStringLiteral("record meanwhile, every 20 ms on its own connection"),
         QStringLiteral("median %1 ms, p99 %2 ms, max %3 ms; %4 of %5 failed, %6 of them gave up waiting")
                 .arg(meanwhile.median, 0, 'f', 2)
                 .arg(meanwhile.p99, 0, 'f', 2)
                 .arg(recordMs.empty() ? 0.0 : *std::max_element(recordMs.begin(), recordMs.end()), 0, 'f', 1)
                 .arg(recordFailures)
                 .arg(recordMs.size())
                 .arg(busyFailures) +
             (firstRecordFailure.isEmpty() ? QString() : QStringLiteral(" (") + firstRecordFailure + QLatin1Char(')')));
    if (!summary || summary->added != events) {
        Bench::out() << "import failed: "
                     << (summary ? QStringLiteral("added %1").arg(summary->added) : summary.failure().message)
                     << Qt::endl;
        return -1;
    }
    const double rate = events * 1000.0 / qMax<qint64>(1, importMs);
    line(QStringLiteral("import (read, check, insert, totals)"), QStringLiteral("%1 rows/s (%2 ms), %3 × the baseline")
                                                                     .arg(qRound64(rate))
                                                                     .arg(importMs)
                                                                     .arg(rate / qMax(1.0, baseline), 0, 'f', 2));

    std::vector<double> samples;
    QElapsedTimer one;
    for (int i = 0; i < 100; ++i) {
        one.start();
        const auto r = ledger.usage().report(std::nullopt, std::nullopt);
        samples.push_back(one.nsecsElapsed() / 1e6);
        if (!r || r->byAction.size() != 6)
            return -1;
    }
    print(QStringLiteral("report, current period, whole install"), stats(samples));
    samples.clear();
    for (int i = 0; i < 100; ++i) {
        one.start();
        ledger.usage().report(QStringLiteral("2024-03"), QStringLiteral("tenant-%1").arg(1 + i % o.tenants));
        samples.push_back(one.nsecsElapsed() / 1e6);
    }
    print(QStringLiteral("report, past period, one tenant"), stats(samples));

    // 1,000 theme generations on credits, spread over the tenants and the hours before `now`.
    samples.clear();
    for (int i = 0; i < 1000; ++i) {
        one.start();
        // Each recorded as it happens: the ledger's clock reads the event's time (record takes the last hour only).
        const qint64 at = now - (1000 - i) * 10000LL;
        ledger.setClock(Clock::fixedAt(at));
        const auto r = ledger.usage().record(
            {QStringLiteral("theme"), QStringLiteral("tenant-%1").arg(1 + i % o.tenants), at, {}});
        samples.push_back(one.nsecsElapsed() / 1e6);
        if (!r || r->event.credits != 1) {
            Bench::out() << "record failed: " << (r ? QStringLiteral("not on credits") : r.failure().message)
                         << Qt::endl;
            return -1;
        }
    }
    ledger.setClock(Clock::fixedAt(now));
    print(QStringLiteral("record in process (credits, 1,000 runs)"), stats(samples));

    samples.clear();
    for (int i = 0; i < 20; ++i) {
        QProcess p;
        one.start();
        p.start(QStringLiteral(AI_SETTINGS_BIN),
                {QStringLiteral("--db"), location, QStringLiteral("report"), QStringLiteral("--json")});
        p.waitForFinished(60000);
        samples.push_back(one.nsecsElapsed() / 1e6);
    }
    print(QStringLiteral("ai-settings report --json (whole process)"), stats(samples));

    // Servers recording: on the install's key, so that neither the pool nor the rate limit ends the run.
    ledger.keys().setKeyRecord(
        {{}, QStringLiteral("anthropic"), KeyState::Active, QStringLiteral("wxyz"), now, {}, {}, std::nullopt, {}, {}},
        KeyChange::Set);
    // Record takes the last hour only, where the rate limit allows a tenant 200 own-key queries: the servers'
    // events are spread over enough tenants for both runs.
    const int streamTenants = qMax(o.tenants, 2 * o.writers * o.perWriter / 100);
    for (int t = o.tenants + 1; t <= streamTenants; ++t)
        if (Status s = ledger.directory().addTenant(QStringLiteral("tenant-%1").arg(t), {}); !s) {
            Bench::out() << "adding tenants failed: " << s.failure().message << Qt::endl;
            return -1;
        }
    for (const bool pipelined : {false, true}) {
        const StreamResult stream = recordStream(location, o.writers, o.perWriter, streamTenants, pipelined,
                                                 pipelined ? o.writers * o.perWriter : 0);
        line(QStringLiteral("record --stdin, %1 writers × %2 events, %3")
                 .arg(o.writers)
                 .arg(o.perWriter)
                 .arg(pipelined ? QStringLiteral("pipelined") : QStringLiteral("one at a time")),
             QStringLiteral("%1 events/s together; per event median %2 ms, p99 %3 ms%4%5")
                 .arg(qRound64(stream.eventsPerSecond))
                 .arg(stream.latency.median, 0, 'f', 2)
                 .arg(stream.latency.p99, 0, 'f', 2)
                 .arg(stream.largestLog >= 0
                          ? QStringLiteral("; log file at most %1 MiB").arg(stream.largestLog / 1048576)
                          : QString())
                 .arg(stream.failures ? QStringLiteral(" (%1 failed)").arg(stream.failures) : QString()));
    }

    opened.value().reset();
    const auto paint = timeToFirstPaint(location, now, 5);
    if (paint.empty()) {
        Bench::out() << "the window did not open the database" << Qt::endl;
        return -1;
    }
    print(QStringLiteral("window: open database to first paint"), stats(paint));
    if (!location.startsWith(QLatin1String("postgresql://")))
        line(QStringLiteral("database size"),
             QStringLiteral("%1 MiB").arg(
                 (QFileInfo(location).size() + QFileInfo(location + QStringLiteral("-wal")).size()) / 1048576.0, 0, 'f',
                 1));
    return stats(paint).median;
}

// A ledger of `events` events from history.csv in `folder`, on Enterprise since before the running period, the user
// who runs the benchmark its Admin; false (and why, printed) when a step failed.
bool buildLedger(const QString& location, const QString& csv)
{
    const Catalog catalog = Catalog::builtIn().value();
    auto opened = Ledger::open(location, catalog, QStringLiteral("bench"));
    if (!opened) {
        Bench::out() << opened.failure().message << Qt::endl;
        return false;
    }
    Ledger& ledger = *opened.value();
    ledger.setClock(Clock::fixedAt(now - 40 * 86400000LL));
    ledger.settings().setPlan(QStringLiteral("enterprise"));
    ledger.setClock(Clock::fixedAt(now));
    ledger.directory().setMember(Environment::currentUserName(), Role::Admin);
    const auto summary = UsageTransfer::importFile(ledger, csv, false);
    if (!summary)
        Bench::out() << summary.failure().message << Qt::endl;
    return summary.ok();
}

// How the window feels on a ledger of `events` events, on SQLite and, with a cluster, on PostgreSQL.
int windowFeel(qint64 events, int idleSeconds, const Options& o, const Bench::Cluster& cluster)
{
    const QString csv = o.folder + QStringLiteral("/history.csv");
    writeHistory(csv, events, o.months, o.tenants);
    QStringList ledgers{o.folder + QStringLiteral("/feel-%1.sqlite").arg(events)};
    if (cluster.enabled())
        ledgers << cluster.newDatabase(QStringLiteral("feel_ledger"));
    for (const QString& location : qAsConst(ledgers)) {
        const bool shared = location.startsWith(QLatin1String("postgresql://"));
        Bench::out() << "\n== the window, " << events << " events, " << (shared ? "PostgreSQL" : "SQLite") << Qt::endl;
        if (location.isEmpty() || !buildLedger(location, csv))
            return 1;
        WindowFeel::startAgainstBareWindow(location, now, 15);
        WindowFeel::stalls(location, now, 100000);
        WindowFeel::changesAndIdle(location, now, idleSeconds);
    }
    return 0;
}

// The first paint on two ledgers, one window on each in turn (see timeToFirstPaintInTurn), and the second's
// median ÷ the first's.
bool printInTurn(const QString& first, const QString& second, const QString& firstName = QStringLiteral("SQLite"),
                 const QString& secondName = QStringLiteral("PostgreSQL"))
{
    const auto [onFirst, onSecond] = timeToFirstPaintInTurn(first, second, now, 11);
    if (onFirst.empty()) {
        Bench::out() << "a window did not open its database" << Qt::endl;
        return false;
    }
    const double firstMedian = stats(onFirst).median, secondMedian = stats(onSecond).median;
    line(QStringLiteral("first paint, taken in turn (11 each)"),
         QStringLiteral("%1 median %2 ms, %3 median %4 ms: %5 ×")
             .arg(firstName)
             .arg(firstMedian, 0, 'f', 1)
             .arg(secondName)
             .arg(secondMedian, 0, 'f', 1)
             .arg(secondMedian / firstMedian, 0, 'f', 2));
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    // The window is measured offscreen unless a display is chosen explicitly.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("AI Settings benchmark"));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("History sizes, comma-separated."),
                                          QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption monthsOption(QStringLiteral("months"), QStringLiteral("History length."),
                                          QStringLiteral("M"), QStringLiteral("36"));
    const QCommandLineOption tenantsOption(QStringLiteral("tenants"), QStringLiteral("Tenants."), QStringLiteral("T"),
                                           QStringLiteral("50"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption pgOption(QStringLiteral("pg-host"),
                                      QStringLiteral("A PostgreSQL cluster's socket folder: measure it too."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption paintOption(
        QStringLiteral("first-paint"),
        QStringLiteral("Only the first paint on two ledgers a run with --dir left, in turn."),
        QStringLiteral("SQLITE_FILE,POSTGRESQL_URI"));
    const QCommandLineOption feelOption(QStringLiteral("window-feel"),
                                        QStringLiteral("Only how the window feels on a ledger of --events events."));
    const QCommandLineOption idleOption(QStringLiteral("idle"),
                                        QStringLiteral("With --window-feel: how long nothing changes, in seconds."),
                                        QStringLiteral("S"), QStringLiteral("60"));
    // The windows the benchmark starts as processes of their own, and the other process that records.
    const QCommandLineOption showOption(QStringLiteral("show-window"), QStringLiteral("(internal)"),
                                        QStringLiteral("LOCATION"));
    const QCommandLineOption recordOption(QStringLiteral("record-one"), QStringLiteral("(internal)"),
                                          QStringLiteral("LOCATION"));
    parser.addOptions({eventsOption, monthsOption, tenantsOption, dirOption, pgOption, paintOption, feelOption,
                       idleOption, showOption, recordOption});
    parser.process(app);
    if (parser.isSet(showOption)) {
        const QString location = parser.value(showOption);
        return WindowFeel::showAndReport(location == QLatin1String("-") ? QString() : location,
                                         parser.positionalArguments().value(0).toLongLong());
    }
    if (parser.isSet(recordOption))
        return WindowFeel::recordOne(parser.value(recordOption), parser.positionalArguments().value(0).toLongLong());
    if (parser.isSet(paintOption)) {
        const QStringList ledgers = parser.value(paintOption).split(QLatin1Char(','));
        return ledgers.size() == 2 && printInTurn(ledgers[0], ledgers[1]) ? 0 : 1;
    }
    Options o;
    o.months = parser.value(monthsOption).toInt();
    o.tenants = parser.value(tenantsOption).toInt();
    Bench::Cluster cluster;
    cluster.host = parser.value(pgOption);

    QTemporaryDir temporary;
    o.folder = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(o.folder);
    if (parser.isSet(feelOption))
        return windowFeel(parser.value(eventsOption).split(QLatin1Char(',')).last().toLongLong(),
                          parser.value(idleOption).toInt(), o, cluster);
    QList<QPair<qint64, QString>> sqliteLedgers; // events, file: kept until the end for the windows in turn
    for (const QString& size : parser.value(eventsOption).split(QLatin1Char(','))) {
        const qint64 events = size.toLongLong();
        Bench::out() << "\n== " << events << " events over " << o.months << " months, " << o.tenants << " tenants"
                     << Qt::endl;
        const QString csv = o.folder + QStringLiteral("/history.csv");
        QElapsedTimer timer;
        timer.start();
        writeHistory(csv, events, o.months, o.tenants);
        line(QStringLiteral("generated history.csv"),
             QStringLiteral("%1 MiB in %2 ms").arg(QFileInfo(csv).size() / 1048576).arg(timer.elapsed()));

        const double sqliteBaseline = Baselines::sqliteShellImport(csv, o.folder, events);
        line(QStringLiteral("baseline: sqlite3 .import, same indexes"),
             QStringLiteral("%1 rows/s").arg(qRound64(sqliteBaseline)));
        const double commandLine = Baselines::commandLineImport(QStringLiteral(AI_SETTINGS_BIN), csv, o.folder, events);
        line(QStringLiteral("ai-settings import, whole process, new ledger"),
             QStringLiteral("%1 rows/s, %2 × the baseline")
                 .arg(qRound64(commandLine))
                 .arg(commandLine / qMax(1.0, sqliteBaseline), 0, 'f', 2));
        const QString file = o.folder + QStringLiteral("/bench-%1.sqlite").arg(events);
        Bench::removeSqliteFiles(file);
        o.writers = 4;
        const double sqlitePaint = measure(QStringLiteral("SQLite"), file, csv, events, sqliteBaseline, o);
        if (sqlitePaint < 0)
            return 1;
        sqliteLedgers.append({events, file});

        if (cluster.enabled()) {
            const double pgBaseline = Baselines::psqlCopy(cluster, csv, events);
            line(QStringLiteral("baseline: psql \\copy, same indexes"),
                 QStringLiteral("%1 rows/s").arg(qRound64(pgBaseline)));
            const QString uri = cluster.newDatabase(QStringLiteral("bench_ledger"));
            o.writers = 8;
            const double pgPaint =
                uri.isEmpty() ? -1 : measure(QStringLiteral("PostgreSQL"), uri, csv, events, pgBaseline, o);
            if (pgPaint < 0)
                return 1;
            line(QStringLiteral("first paint, PostgreSQL / SQLite, minutes apart"),
                 QStringLiteral("%1 ×").arg(pgPaint / sqlitePaint, 0, 'f', 2));
            // The two figures above come minutes apart, and this machine's load drifts in between: the same two
            // ledgers again, one window on each in turn, give a ratio that drift cannot skew.
            if (!printInTurn(file, uri))
                return 1;
        }
        if (!parser.isSet(dirOption))
            QFile::remove(csv);
    }
    // Whether the first paint grows with the history: the smallest and the largest ledger, in turn as above.
    if (sqliteLedgers.size() > 1) {
        Bench::out() << "\n== SQLite, " << sqliteLedgers.first().first << " against " << sqliteLedgers.last().first
                     << " events" << Qt::endl;
        if (!printInTurn(sqliteLedgers.first().second, sqliteLedgers.last().second,
                         QStringLiteral("%1 events").arg(sqliteLedgers.first().first),
                         QStringLiteral("%1 events").arg(sqliteLedgers.last().first)))
            return 1;
    }
    return 0;
}
