#include "TestBackend.h"
#include "TestSupport.h"
#include "WidgetSupport.h"

#include "session/LedgerOpener.h"
#include "session/Session.h"
#include "support/Environment.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QLabel>
#include <QMainWindow>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTcpServer>
#include <QTimer>

using TestSupport::at;
using WidgetSupport::find;

// The window on a shared ledger: it connects on a worker thread while the page is built, so a slow or silent
// server never freezes it, and the page appears once the server has answered.
class TestSharedWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    static qint64 clock() { return at("2026-11-22T12:00:00Z"); }
    // A loopback server that takes connections and never answers, and a ledger address on it that gives up
    // after two seconds.
    static QString silentAddress(QTcpServer& silent)
    {
        if (!silent.listen(QHostAddress::LocalHost))
            qFatal("cannot listen on 127.0.0.1");
        return QStringLiteral("postgresql://nobody@127.0.0.1:%1/ledger?connect_timeout=2").arg(silent.serverPort());
    }

    // A content generation (5 credits) recorded on `location` as `user`, at `when` by the tests' clock.
    static bool recordContent(const QString& location, const QString& user, const char* when)
    {
        auto ledger = TestSupport::openLedger(location, user);
        ledger->setClock(Clock(&clock));
        return TestSupport::recordAsItHappened(*ledger, {QStringLiteral("content"), {}, at(when), {}}).ok();
    }

    // Shows the window and waits (bounded) until its ledger is open and its page read.
    static bool showOpened(Ui::MainWindow& window)
    {
        window.show();
        return QTest::qWaitFor([&] { return window.session()->isOpen(); }, 20000) &&
               WidgetSupport::pageRead(window.page());
    }

private slots:
    void init() { TestSupport::failOnAnyWidgetWarning(); }

    void theWindowConnectsWhileThePageIsBuilt()
    {
        if (!TestBackend::postgres())
            QSKIP("a shared ledger is a PostgreSQL matter (tst_sharedwindow_postgresql)");
        const QString uri = TestBackend::newLocation(m_dir, QStringLiteral("shared"), QStringLiteral("owner"));
        QVERIFY(recordContent(uri, QStringLiteral("owner"), "2026-11-22T11:00:00Z"));
        Ui::MainWindow window(uri, Clock(&clock));
        // The constructor returns before the server has answered: the window says it connects, the page waits.
        QVERIFY(window.session());
        QVERIFY(window.page());
        QVERIFY(!window.session()->isOpen());
        QCOMPARE(window.centralWidget()->objectName(), QStringLiteral("connectingLabel"));
        QVERIFY(showOpened(window));
        QCOMPARE(window.centralWidget(), window.page());
        QVERIFY(window.page()->isVisible());
        QCOMPARE(find<QLabel>(&window, "overviewUsedLabel")->text().left(23),
                 QStringLiteral("5 of 100 credits used t"));
        // The member is the database role the server authenticated (the text isolates the name as an island).
        const QString status = find<QLabel>(&window, "sessionStatusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("signed in as \u2068owner\u2069 (Owner)")), qPrintable(status));
        QVERIFY(window.windowTitle().endsWith(QLatin1String("(shared)")));
    }

    void aSilentServerLeavesTheWindowAnswering()
    {
        // A server that takes the connection and never answers: the window says it connects, keeps answering,
        // and says why once the address's connect_timeout has passed.
        QTcpServer silent;
        Ui::MainWindow window(silentAddress(silent), Clock(&clock));
        QCOMPARE(window.centralWidget()->objectName(), QStringLiteral("connectingLabel"));
        QVERIFY(find<QLabel>(&window, "connectingLabel")->text().contains(QLatin1String("127.0.0.1")));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.centralWidget()->objectName() == QLatin1String("problemLabel"), 20000);
        const QString problem = find<QLabel>(&window, "problemLabel")->text();
        QVERIFY2(problem.contains(QLatin1String("Cannot connect to")), qPrintable(problem));
        QVERIFY(!window.session()->isOpen());
    }

    // What another program commits is on screen within a second or so, pushed by the server on PostgreSQL and
    // seen in SQLite's data version; while nothing changes, the window reads nothing.
    void changesShowUpAsTheyAreCommittedAndNothingIsReadMeanwhile()
    {
        const QString user = TestBackend::postgres() ? QStringLiteral("owner") : Environment::currentUserName();
        const QString location = TestBackend::newLocation(m_dir, QStringLiteral("pushed"), user);
        const auto record = [&](const char* when) { QVERIFY(recordContent(location, user, when)); };
        record("2026-11-22T11:00:00Z");
        Ui::MainWindow window(location, Clock(&clock));
        QVERIFY(showOpened(window));
        auto* used = find<QLabel>(&window, "overviewUsedLabel");
        const QString before = used->text();
        QVERIFY2(before.startsWith(QStringLiteral("5 of")), qPrintable(before));
        QSignalSpy reads(window.session(), &Ui::Session::changed);
        QVERIFY(!reads.wait(2500)); // nothing changed: nothing read again
        record("2026-11-22T11:30:00Z");
        QTRY_VERIFY_WITH_TIMEOUT(used->text().startsWith(QStringLiteral("10 of")), 3000);
        QCOMPARE(reads.size(), 1); // one change, one reading
        // The window's own change is read by the window when it makes it, not a second time when it is told.
        QVERIFY(window.session()->ledger().settings().setPlan(QStringLiteral("professional")).ok());
        QVERIFY(!reads.wait(2500));
        QCOMPARE(reads.size(), 1);
    }

    // A server that stalls in the middle of the page's reading (here: the settings table locked by another
    // session for as long as the test likes) leaves the window answering: the reading runs off the window's
    // thread, the event loop keeps turning, the page says it waits and keeps the figures it had, and shows the
    // new ones once the server answers.
    void aStalledServerLeavesTheWindowAnsweringAndSaysItWaits()
    {
        if (!TestBackend::postgres())
            QSKIP("a stalling server is a PostgreSQL matter (tst_sharedwindow_postgresql)");
        const QString location = TestBackend::newLocation(m_dir, QStringLiteral("stalled"), QStringLiteral("owner"));
        const auto record = [&](const char* when) { QVERIFY(recordContent(location, QStringLiteral("owner"), when)); };
        record("2026-11-22T11:00:00Z");
        Ui::MainWindow window(location, Clock(&clock));
        QVERIFY(showOpened(window));
        auto* used = find<QLabel>(&window, "overviewUsedLabel");
        const auto saysItWaits = [&] {
            return window.statusBar()->currentMessage() == Ui::MainWindow::waitingForPageMessage();
        };
        QVERIFY(used->text().startsWith(QStringLiteral("5 of")));
        QVERIFY(!saysItWaits());
        record("2026-11-22T11:30:00Z");
        {
            QSqlDatabase locker = TestBackend::raw(location, QStringLiteral("locker"));
            QSqlQuery q(locker);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("LOCK TABLE ai_settings.settings IN ACCESS EXCLUSIVE MODE")));
            int ticks = 0;
            QTimer ticker;
            connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
            ticker.start(10);
            window.session()->refresh();
            QVERIFY(window.page()->isReading());
            QTRY_VERIFY_WITH_TIMEOUT(saysItWaits(), 10000);
            QVERIFY(window.page()->isReading());                       // still: the server holds it
            QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks))); // the window's event loop turned meanwhile
            QVERIFY(used->text().startsWith(QStringLiteral("5 of")));  // the figures it had, said to be waiting
            window.page()->showSection(QStringLiteral("usage"));       // and the window still does what it is asked
            QCOMPARE(window.page()->currentSection(), QStringLiteral("usage"));
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QVERIFY(WidgetSupport::pageRead(window.page()));
        QVERIFY(!saysItWaits());
        QVERIFY2(used->text().startsWith(QStringLiteral("10 of")), qPrintable(used->text()));
    }

    void anotherDatabaseOpensWhileAServerIsSilent()
    {
        // File › Open Database… while the window still connects: the file's page comes at once, and the attempt
        // under way is dropped when it ends.
        QTcpServer silent;
        Ui::MainWindow window(silentAddress(silent), Clock(&clock));
        QCOMPARE(window.centralWidget()->objectName(), QStringLiteral("connectingLabel"));
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("local.sqlite"))));
        QVERIFY(window.session()->isOpen());
        QCOMPARE(window.centralWidget(), window.page());
        // The dropped attempt ends when the server's timeout passes, and does not come back over the file's page.
        QVERIFY(!window.findChildren<Ui::LedgerOpener*>().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(window.findChildren<Ui::LedgerOpener*>().isEmpty(), 20000);
        QCOMPARE(window.centralWidget(), window.page());
        QVERIFY(window.session()->isOpen());
    }
};

QTEST_MAIN(TestSharedWindow)
#include "tst_sharedwindow.moc"
