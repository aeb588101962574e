#include "TestSupport.h"
#include "WidgetSupport.h"

#include "session/Session.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryFile>

#include <csignal>
#include <memory>

using WidgetSupport::find;

// The PostgreSQL server is killed (kill -9) under eight `record --stdin` writers and an open window, and started
// again: every writer goes on without a restart, every event is answered once and stored once, and the window
// says it reconnects, then shows fresh figures. The suite has a cluster of its own (scripts/pg-cluster.sh), so
// that the crash touches no other suite's server.
class TestServerRestart : public QObject
{
    Q_OBJECT

private:
    static constexpr int writers = 8;
    static constexpr int eventsEach = 40;
    static constexpr int tenants = 20; // 16 events each: under the 20-an-hour rate limit

    QTemporaryDir m_cluster{QStringLiteral("/tmp/ai-settings-restart.XXXXXX")}; // short: a socket path has a limit
    QString m_uri;
    QString m_host; // the cluster's socket folder
    QString m_user; // its superuser, the ledger's Owner

    struct Writer
    {
        QProcess process;
        int sent = 0;
        QSet<QString> answered;
        QStringList wrong;
    };

    static QString script() { return QStringLiteral(AI_SETTINGS_SOURCE_DIR "/scripts/pg-cluster.sh"); }

    // Runs pg-cluster.sh `action` on the suite's cluster, the event loop turning meanwhile.
    bool cluster(const QString& action, QByteArray* out = nullptr)
    {
        QProcess p;
        QSignalSpy done(&p, &QProcess::finished);
        p.start(QStringLiteral("bash"), {script(), action, m_cluster.path()});
        if (!done.wait(120000) || p.exitCode() != 0) {
            qWarning("pg-cluster.sh %s: %s", qPrintable(action), p.readAllStandardError().constData());
            return false;
        }
        if (out)
            *out = p.readAllStandardOutput();
        return true;
    }

    TestSupport::Run cli(const QStringList& arguments)
    {
        return TestSupport::runCli(QStringList{QStringLiteral("--db"), m_uri} + arguments);
    }

    void sendNext(Writer& w, int index)
    {
        const int n = w.sent++;
        const QString line = QStringLiteral(R"({"action":"theme","tenant":"t%1","id":"w%2-%3"})")
                                 .arg((index * eventsEach + n) % tenants)
                                 .arg(index)
                                 .arg(n);
        w.process.write(line.toUtf8() + '\n');
    }

    // The running period's credits used, as the report says them.
    int used()
    {
        const auto report = cli({QStringLiteral("report"), QStringLiteral("--json")});
        return report.exitCode == 0 ? QJsonDocument::fromJson(report.out).object()[QStringLiteral("used")].toInt() : -1;
    }
    // The events stored, as an export lists them.
    qint64 events() { return cli({QStringLiteral("export")}).out.count('\n') - 1; }

    // Whether a COPY into the ledger runs now (an import streaming its rows).
    bool copyRunning()
    {
        bool running = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("watch"));
            db.setHostName(m_host);
            db.setUserName(m_user);
            db.setDatabaseName(QStringLiteral("postgres"));
            QSqlQuery q(db);
            running = db.open() &&
                      q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY %'")) &&
                      q.next() && q.value(0).toInt() > 0;
        }
        QSqlDatabase::removeDatabase(QStringLiteral("watch"));
        return running;
    }

    // kill -9 of the server: no goodbye to anyone.
    bool killServer()
    {
        QFile pidFile(m_cluster.filePath(QStringLiteral("data/postmaster.pid")));
        if (!pidFile.open(QIODevice::ReadOnly))
            return false;
        const pid_t server = pid_t(pidFile.readLine().trimmed().toLongLong());
        return server > 0 && ::kill(server, SIGKILL) == 0;
    }

    int answeredInAll(const Writer* pool) const
    {
        int n = 0;
        for (int i = 0; i < writers; ++i)
            n += pool[i].answered.size();
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cluster.isValid());
        QByteArray variables;
        QVERIFY(cluster(QStringLiteral("start"), &variables));
        QString& host = m_host;
        QString& user = m_user;
        for (const QByteArray& line : variables.split('\n')) {
            if (line.startsWith("AI_SETTINGS_TEST_PG_HOST="))
                host = QString::fromUtf8(line.mid(line.indexOf('=') + 1));
            if (line.startsWith("AI_SETTINGS_TEST_PG_USER="))
                user = QString::fromUtf8(line.mid(line.indexOf('=') + 1));
        }
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
            admin.setHostName(host);
            admin.setUserName(user);
            admin.setDatabaseName(QStringLiteral("postgres"));
            QVERIFY(admin.open());
            QVERIFY(QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE restart")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        m_uri = QStringLiteral("postgresql:///restart?host=%1&user=%2").arg(host, user);
        const auto made = cli({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--owner"), user});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QCOMPARE(cli({QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("enterprise")}).exitCode, 0);
        for (int t = 0; t < tenants; ++t)
            QCOMPARE(cli({QStringLiteral("tenants"), QStringLiteral("add"), QStringLiteral("t%1").arg(t)}).exitCode, 0);
    }

    void cleanupTestCase() { cluster(QStringLiteral("stop")); }

    // A server that stays away longer than a command waits (20 s): the line is answered with why, and the same
    // `record --stdin` goes on once the server is back.
    void aServerThatStaysAwayIsNamedAndTheStreamGoesOn()
    {
        QProcess writer;
        writer.start(QStringLiteral(AI_SETTINGS_BIN),
                     {QStringLiteral("--db"), m_uri, QStringLiteral("record"), QStringLiteral("--stdin")});
        QVERIFY(writer.waitForStarted(10000));
        const auto answer = [&](const QByteArray& line) {
            writer.write(line + '\n');
            if (!QTest::qWaitFor([&] { return writer.canReadLine(); }, 60000))
                return QJsonObject();
            return QJsonDocument::fromJson(writer.readLine()).object();
        };
        QVERIFY(answer(R"({"action":"theme","tenant":"t0","id":"away-1"})")[QStringLiteral("ok")].toBool());
        QVERIFY(cluster(QStringLiteral("stop")));
        const QJsonObject refused = answer(R"({"action":"theme","tenant":"t0","id":"away-2"})");
        QCOMPARE(refused[QStringLiteral("exit")].toInt(), 3);
        const QString error = refused[QStringLiteral("error")].toString();
        QVERIFY2(
            error.startsWith(QStringLiteral("The connection to the database server was lost, and the server did not "
                                            "answer again within 20 seconds (")),
            qPrintable(error));
        QVERIFY2(error.contains(m_cluster.path()), qPrintable(error)); // the server's own words: where it looked
        QVERIFY(cluster(QStringLiteral("resume")));
        QVERIFY(answer(R"({"action":"theme","tenant":"t0","id":"away-2"})")[QStringLiteral("ok")].toBool());
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitCode(), 0);
    }

    // An import the crash cuts off runs again on a new connection: every line once.
    void anImportRidesOutACrash()
    {
        const int lines = 200000;
        QTemporaryFile file(QDir::tempPath() + QStringLiteral("/restart-XXXXXX.csv"));
        QVERIFY(file.open());
        file.write("id,occurred_at,tenant,action,model,billing,credits\n");
        const qint64 start = TestSupport::at("2026-10-01T00:00:00Z");
        for (int i = 0; i < lines; ++i)
            file.write(QStringLiteral("imp-%1,%2,t%3,theme,claude-sonnet-4-6,credits,1\n")
                           .arg(i)
                           .arg(IsoTime::formatUtc(start + i * 1000LL))
                           .arg(i % tenants)
                           .toUtf8());
        file.close();
        QProcess import;
        import.start(QStringLiteral(AI_SETTINGS_BIN),
                     {QStringLiteral("--db"), m_uri, QStringLiteral("import"), file.fileName()});
        QVERIFY(import.waitForStarted(10000));
        // Killed while the rows stream in.
        QTRY_VERIFY_WITH_TIMEOUT(copyRunning(), 60000);
        QVERIFY(killServer());
        QVERIFY(cluster(QStringLiteral("resume")));
        QTRY_VERIFY_WITH_TIMEOUT(import.state() == QProcess::NotRunning, 120000);
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
        const auto exported = cli({QStringLiteral("export"), QStringLiteral("--period"), QStringLiteral("2026-10")});
        QCOMPARE(exported.out.count('\n'), 1 + lines);
    }

    void everyoneRidesOutAServerCrash()
    {
        TestSupport::failOnAnyWidgetWarning();
        const int usedBefore = used();
        const qint64 eventsBefore = events();
        Ui::MainWindow window(m_uri);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000);
        QCOMPARE(window.centralWidget(), window.page());

        Writer pool[writers];
        for (int i = 0; i < writers; ++i) {
            Writer& w = pool[i];
            connect(&w.process, &QProcess::readyReadStandardOutput, this, [&, i] {
                while (w.process.canReadLine()) {
                    const QJsonObject answer = QJsonDocument::fromJson(w.process.readLine()).object();
                    const QString id = answer[QStringLiteral("id")].toString();
                    if (!answer[QStringLiteral("ok")].toBool() || w.answered.contains(id))
                        w.wrong << QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
                    w.answered.insert(id);
                    if (w.sent < eventsEach)
                        sendNext(w, i);
                    else
                        w.process.closeWriteChannel();
                }
            });
            w.process.start(QStringLiteral(AI_SETTINGS_BIN),
                            {QStringLiteral("--db"), m_uri, QStringLiteral("record"), QStringLiteral("--stdin")});
            QVERIFY(w.process.waitForStarted(10000));
            sendNext(w, i);
        }
        // A third of the way in, the server dies without a word.
        QTRY_VERIFY_WITH_TIMEOUT(answeredInAll(pool) >= writers * eventsEach / 3, 60000);
        QVERIFY(killServer());
        // The window finds out at its next refresh (F5), and says so instead of showing what it showed before.
        // (The server's processes end a moment after it: until then a refresh may still be answered.)
        QTRY_VERIFY_WITH_TIMEOUT(
            (window.session()->refresh(), window.centralWidget()->objectName() == QLatin1String("reconnectingLabel")),
            20000);
        QVERIFY(window.session()->isReconnecting());
        QVERIFY(!window.page()->isVisible());

        QVERIFY(cluster(QStringLiteral("resume")));
        // Everyone is back: the writers finish, each event answered once and ok; the window shows the page with
        // the figures of now, not of before the crash.
        for (int i = 0; i < writers; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(pool[i].process.state() == QProcess::NotRunning, 120000);
            QCOMPARE(pool[i].process.exitCode(), 0);
            QVERIFY2(pool[i].wrong.isEmpty(), qPrintable(pool[i].wrong.join(QLatin1Char('\n'))));
            QCOMPARE(pool[i].answered.size(), eventsEach);
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.centralWidget() == window.page(), 60000);
        QVERIFY(!window.session()->isReconnecting());
        window.session()->refresh();
        QVERIFY(WidgetSupport::pageRead(window.page()));
        const QString shown = find<QLabel>(&window, "overviewUsedLabel")->text();
        QVERIFY2(shown.startsWith(QStringLiteral("%1 of 2,000 credits used").arg(usedBefore + writers * eventsEach)),
                 qPrintable(shown));

        // Nothing lost, nothing twice: the events, their totals and the report agree.
        QCOMPARE(used(), usedBefore + writers * eventsEach);
        QCOMPARE(events(), eventsBefore + writers * eventsEach);
    }
};

QTEST_MAIN(TestServerRestart)
#include "tst_serverrestart.moc"
