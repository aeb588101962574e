#include "StreamBench.h"

#include "IsoTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>

namespace {

struct Writer
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    int sent = 0;
    int answered = 0;
    QElapsedTimer sinceSent;
};

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

} // namespace

StreamResult recordStream(const QString& location, int writers, int perWriter, int tenants, bool pipelined, int firstEvent)
{
    StreamResult result;
    std::vector<Writer> pool(writers);
    std::vector<double> latencies;
    // Theme generations on the install's key (0 credits), 20 s apart over the last weeks and spread over the
    // tenants: no pool or rate limit decides the outcome, every event is recorded.
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 30LL * 86400000;
    int next = firstEvent;
    const auto send = [&](Writer& w) {
        const int n = next++;
        const QString tenant = n % (tenants + 1) ? QStringLiteral("tenant-%1").arg(n % (tenants + 1)) : QString();
        QJsonObject event{{QStringLiteral("action"), QStringLiteral("theme")},
                          {QStringLiteral("at"), IsoTime::formatUtc(base + qint64(n) * 20000)}};
        if (!tenant.isEmpty())
            event.insert(QStringLiteral("tenant"), tenant);
        w.sinceSent.start();
        w.process->write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
        ++w.sent;
    };
    const QString log = location + QStringLiteral("-wal"); // nothing there for a PostgreSQL URI
    emptyTheLog(location);
    QElapsedTimer wall;
    wall.start();
    for (Writer& w : pool) {
        Writer* self = &w;
        QObject::connect(w.process.get(), &QProcess::readyReadStandardOutput, [&, self] {
            while (self->process->canReadLine()) {
                const QJsonObject answer = QJsonDocument::fromJson(self->process->readLine()).object();
                latencies.push_back(self->sinceSent.nsecsElapsed() / 1e6);
                if (latencies.size() % 100 == 0 && QFileInfo::exists(log))
                    result.largestLog = qMax(result.largestLog, QFileInfo(log).size());
                ++self->answered;
                if (!answer.value(QStringLiteral("ok")).toBool())
                    ++result.failures;
                if (pipelined)
                    continue;
                if (self->sent < perWriter)
                    send(*self);
                else
                    self->process->closeWriteChannel();
            }
        });
        w.process->start(QStringLiteral(AI_SETTINGS_BIN), {QStringLiteral("--db"), location, QStringLiteral("record"),
                                                            QStringLiteral("--stdin")});
        w.process->waitForStarted(10000);
        send(w);
        while (pipelined && w.sent < perWriter)
            send(w);
        if (pipelined)
            w.process->closeWriteChannel();
    }
    const auto done = [&] {
        for (const Writer& w : pool)
            if (w.answered < perWriter && w.process->state() == QProcess::Running)
                return false;
        return true;
    };
    while (!done() && wall.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 elapsed = wall.elapsed();
    for (Writer& w : pool) {
        w.process->closeWriteChannel();
        w.process->waitForFinished(30000);
    }
    result.eventsPerSecond = latencies.size() * 1000.0 / qMax<qint64>(1, elapsed);
    result.latency = Bench::stats(latencies);
    result.failures += int(writers * perWriter - latencies.size());
    return result;
}
