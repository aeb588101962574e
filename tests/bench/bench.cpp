// Builds a ledger with a long history and prints how fast the everyday operations are on it.
//   ai-settings-bench [--events N] [--months M] [--tenants T] [--dir DIR]
#include "Catalog.h"
#include "Environment.h"
#include "IsoTime.h"
#include "Ledger.h"
#include "UsageFile.h"
#include "WindowBench.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

#include <algorithm>

namespace {

QTextStream out(stdout);

struct Stats
{
    double median;
    double p99;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.99))]};
}

void print(const char* what, const Stats& s)
{
    out << QString::fromLatin1(what).leftJustified(44) << QStringLiteral("median %1 ms, p99 %2 ms")
                                                              .arg(s.median, 0, 'f', 3)
                                                              .arg(s.p99, 0, 'f', 3)
        << Qt::endl;
}

// Events spread evenly over `months` before `now`, across the install and `tenants` tenants. Events of the
// current period are BYOK, so that the record benchmark still finds credits in the pool.
void writeHistory(const QString& path, qint64 events, int months, int tenants, qint64 now, qint64 periodStart)
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
                  IsoTime::formatUtc(at).toLatin1() + ',' + (tenant ? "tenant-" + QByteArray::number(tenant) : QByteArray()) +
                  ',' + actions[action] + ',' + (action == 3 ? "" : models[random.bounded(3)]) + ',' +
                  (byok ? "byok" : "credits") + ",\n";
        if (buffer.size() > (1 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
}

qint64 fileSize(const QString& path) { return QFileInfo(path).size(); }

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
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("History size."), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption monthsOption(QStringLiteral("months"), QStringLiteral("History length."), QStringLiteral("M"), QStringLiteral("36"));
    const QCommandLineOption tenantsOption(QStringLiteral("tenants"), QStringLiteral("Tenants."), QStringLiteral("T"), QStringLiteral("50"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Work folder (default: a temporary one)."), QStringLiteral("DIR"));
    parser.addOptions({eventsOption, monthsOption, tenantsOption, dirOption});
    parser.process(app);
    const qint64 events = parser.value(eventsOption).toLongLong();
    const int months = parser.value(monthsOption).toInt();
    const int tenants = parser.value(tenantsOption).toInt();

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);
    const QString db = dir + QStringLiteral("/bench.sqlite");
    const QString csv = dir + QStringLiteral("/history.csv");
    for (const QString& f : {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm")})
        QFile::remove(f);

    const Catalog catalog = Catalog::builtIn().value();
    const qint64 now = IsoTime::parse(u"2026-06-15T12:00:00Z").value();
    const qint64 periodStart = IsoTime::parse(u"2026-06-01T00:00:00Z").value();
    out << "AI Settings benchmark: " << events << " events over " << months << " months, " << tenants << " tenants"
        << Qt::endl;

    QElapsedTimer timer;
    timer.start();
    writeHistory(csv, events, months, tenants, now, periodStart);
    out << "generated " << csv << " (" << fileSize(csv) / 1048576 << " MiB) in " << timer.elapsed() << " ms" << Qt::endl;

    auto opened = Ledger::open(db, catalog, QStringLiteral("bench"));
    if (!opened) {
        out << opened.failure().message << Qt::endl;
        return 1;
    }
    Ledger& ledger = *opened.value();
    ledger.setClock([now] { return now; });
    ledger.settings().setPlan(QStringLiteral("enterprise"));
    // The window opens the database as whoever runs the benchmark.
    ledger.directory().setMember(Environment::currentUserName(), Role::Viewer);

    timer.restart();
    auto rows = UsageFile::read(csv);
    const qint64 parseMs = timer.elapsed();
    if (!rows) {
        out << rows.failure().message << Qt::endl;
        return 1;
    }
    const auto summary = ledger.usage().importRows(std::move(rows).value(), false);
    const qint64 totalMs = timer.elapsed();
    if (!summary) {
        out << summary.failure().message << Qt::endl;
        return 1;
    }
    out << QStringLiteral("import").leftJustified(44)
        << QStringLiteral("%1 rows/s (%2 rows in %3 ms; parsing %4 ms)")
               .arg(qRound64(summary->added * 1000.0 / qMax<qint64>(1, totalMs)))
               .arg(summary->added)
               .arg(totalMs)
               .arg(parseMs)
        << Qt::endl;

    std::vector<double> samples;
    QElapsedTimer one;
    for (int i = 0; i < 100; ++i) {
        one.start();
        const auto r = ledger.usage().report(std::nullopt, std::nullopt);
        samples.push_back(one.nsecsElapsed() / 1e6);
        if (!r || r->byAction.size() != 6)
            return 1;
    }
    print("report, current period, whole install", stats(samples));
    samples.clear();
    for (int i = 0; i < 100; ++i) {
        one.start();
        ledger.usage().report(QStringLiteral("2024-03"), QStringLiteral("tenant-%1").arg(1 + i % tenants));
        samples.push_back(one.nsecsElapsed() / 1e6);
    }
    print("report, past period, one tenant", stats(samples));

    // 1,000 theme generations on credits, spread over the tenants and the hours before `now`.
    samples.clear();
    for (int i = 0; i < 1000; ++i) {
        const QString tenant = QStringLiteral("tenant-%1").arg(1 + i % tenants);
        const qint64 at = now - (1000 - i) * 10000LL;
        one.start();
        const auto r = ledger.usage().record({QStringLiteral("theme"), tenant, at, {}});
        samples.push_back(one.nsecsElapsed() / 1e6);
        if (!r || r->event.credits != 1) {
            out << "record failed: " << (r ? QStringLiteral("not on credits") : r.failure().message) << Qt::endl;
            return 1;
        }
    }
    print("record (credits, 1,000 runs)", stats(samples));

    // The whole command as a script runs it: process start, open, report, print.
    samples.clear();
    for (int i = 0; i < 20; ++i) {
        QProcess p;
        one.start();
        p.start(QStringLiteral(AI_SETTINGS_BIN), {QStringLiteral("--db"), db, QStringLiteral("report"), QStringLiteral("--json")});
        p.waitForFinished(60000);
        samples.push_back(one.nsecsElapsed() / 1e6);
    }
    print("ai-settings report --json (whole process)", stats(samples));

    opened.value().reset();
    const auto paint = timeToFirstPaint(db, now, 5);
    if (paint.empty()) {
        out << "the window did not open the database" << Qt::endl;
        return 1;
    }
    print("window: open database to first paint", stats(paint));
    out << QStringLiteral("database size").leftJustified(44)
        << QStringLiteral("%1 MiB").arg((fileSize(db) + fileSize(db + QStringLiteral("-wal"))) / 1048576.0, 0, 'f', 1) << Qt::endl;
    if (!parser.isSet(dirOption))
        QFile::remove(csv);
    return 0;
}
