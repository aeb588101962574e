#include "WindowFeel.h"

#include "BenchSupport.h"
#include "ledger/DatabaseAddress.h"
#include "ledger/Ledger.h"
#include "rules/Catalog.h"
#include "session/Session.h"
#include "support/Environment.h"
#include "support/IsoTime.h"
#include "widgets/Ask.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

using Bench::line;

namespace {

// The event loop's ticks, a millisecond apart when nothing holds it up: the longest gap between two is the
// longest the window was frozen.
class TickGaps : public QObject
{
public:
    TickGaps()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestNs = qMax(m_longestNs, m_since.nsecsElapsed());
            m_since.start();
        });
    }
    void start()
    {
        m_longestNs = 0;
        m_since.start();
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return qMax(m_longestNs, m_since.nsecsElapsed()) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longestNs = 0;
};

// Turns the event loop until `done` or `ms` passed; false on the timeout.
bool turnUntil(const std::function<bool()>& done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

bool pageRead(const Ui::MainWindow& window)
{
    return turnUntil([&] { return window.page() && window.page()->isSettled(); }, 120000);
}

// The window on `location`, shown with its page read; null (and said) when the page did not come.
std::unique_ptr<Ui::MainWindow> openOnPage(const QString& location, qint64 now)
{
    auto window = std::make_unique<Ui::MainWindow>(location, Clock::fixedAt(now));
    window->resize(1000, 700);
    window->show();
    if (pageRead(*window))
        return window;
    Bench::out() << "the window did not show the page" << Qt::endl;
    return nullptr;
}

// The first paint of a top-level window.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<void()> painted) : m_painted(std::move(painted)) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_painted) {
            m_painted();
            m_painted = {};
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_painted;
};

} // namespace

namespace WindowFeel {

int showAndReport(const QString& location, qint64 now)
{
    // The process that started this one times the lines as they come.
    QTextStream out(stdout);
    const auto say = [&](const char* what) { out << what << Qt::endl; };
    std::unique_ptr<QMainWindow> window;
    bool filled = location.isEmpty();
    if (location.isEmpty()) {
        window = std::make_unique<QMainWindow>();
        window->menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"));
        window->menuBar()->addMenu(QStringLiteral("&Help"));
        auto* bar = new QProgressBar;
        bar->setValue(40);
        window->setCentralWidget(bar);
    } else {
        auto* w = new Ui::MainWindow(location, Clock::fixedAt(now));
        window.reset(w);
        if (!w->page())
            return 1;
        QObject::connect(w->page(), &Ui::SettingsPage::stateShown, w, [&] {
            if (!filled)
                say("filled");
            filled = true;
        });
    }
    bool mapped = false;
    FirstPaint watch([&] {
        say("mapped");
        mapped = true;
    });
    window->installEventFilter(&watch);
    window->resize(1000, 700);
    window->show();
    if (!turnUntil([&] { return mapped && filled; }, 120000))
        return 1;
    out << "peak " << Bench::peakMemory() << Qt::endl;
    return 0;
}

int recordOne(const QString& location, qint64 at)
{
    const Catalog catalog = Catalog::builtIn().value();
    auto ledger = Ledger::open(location, catalog, Environment::currentUserName());
    if (!ledger)
        return 1;
    ledger.value()->setClock(Clock::fixedAt(at));
    return ledger.value()->usage().record({QStringLiteral("inline_text"), {}, at, {}}).ok() ? 0 : 1;
}

void startAgainstBareWindow(const QString& location, qint64 now, int rounds)
{
    std::vector<double> app, appFilled, bare;
    QString appPeak, barePeak;
    // The window as on a first start: on the Overview, not on the section a window left open last.
    QTemporaryDir config;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const auto run = [&](const QString& ledger, std::vector<double>& mapped, std::vector<double>* filled,
                         QString& peak) {
        QProcess child;
        child.setProcessEnvironment(environment);
        QElapsedTimer since;
        since.start();
        child.start(
            QApplication::applicationFilePath(),
            {QStringLiteral("--show-window"), ledger.isEmpty() ? QStringLiteral("-") : ledger, QString::number(now)});
        for (bool done = false; !done;) {
            if (!child.canReadLine() && !child.waitForReadyRead(120000))
                return false;
            while (child.canReadLine()) {
                const QByteArray l = child.readLine().trimmed();
                if (l == "mapped")
                    mapped.push_back(since.nsecsElapsed() / 1e6);
                else if (l == "filled" && filled)
                    filled->push_back(since.nsecsElapsed() / 1e6);
                else if (l.startsWith("peak ")) {
                    peak = QString::fromUtf8(l.mid(5));
                    done = true;
                }
            }
        }
        return child.waitForFinished(60000) && child.exitCode() == 0;
    };
    for (int i = 0; i < rounds; ++i)
        if (!run(location, app, &appFilled, appPeak) || !run(QString(), bare, nullptr, barePeak)) {
            Bench::out() << "a window did not show" << Qt::endl;
            return;
        }
    const double a = Bench::stats(app).median, b = Bench::stats(bare).median;
    line(QStringLiteral("window: process start to first paint, in turn (%1 each)").arg(rounds),
         QStringLiteral("the window %1 ms, a bare window %2 ms: %3 ×; the page filled at %4 ms; peak memory %5 "
                        "against %6")
             .arg(a, 0, 'f', 0)
             .arg(b, 0, 'f', 0)
             .arg(a / qMax(1.0, b), 0, 'f', 2)
             .arg(Bench::stats(appFilled).median, 0, 'f', 0)
             .arg(appPeak, barePeak));
}

void stalls(const QString& location, qint64 now, int importRows)
{
    const auto opened = openOnPage(location, now);
    if (!opened)
        return;
    Ui::MainWindow& window = *opened;
    TickGaps gaps;
    gaps.start();
    QElapsedTimer readTime;
    readTime.start();
    // Each reading shows new figures: another connection, on a thread of its own, records an event before it.
    const Catalog catalog = Catalog::builtIn().value();
    for (int i = 0; i < 20; ++i) {
        std::atomic_bool recorded{false};
        std::thread other([&] {
            if (auto ledger = Ledger::open(location, catalog, Environment::currentUserName())) {
                const qint64 at = now + 1000 * (i + 1);
                ledger.value()->setClock(Clock::fixedAt(at));
                (void)ledger.value()->usage().record({QStringLiteral("theme"), {}, at, {}});
            }
            recorded = true;
        });
        turnUntil([&] { return bool(recorded); }, 60000);
        other.join();
        window.session()->refresh();
        pageRead(window);
    }
    line(QStringLiteral("window: longest stall while the page reads again (20 ×, new figures each)"),
         QStringLiteral("%1 ms (a reading and showing takes %2 ms)")
             .arg(gaps.stopMs(), 0, 'f', 1)
             .arg(readTime.elapsed() / 20.0, 0, 'f', 0));

    // A file of events in the months before `now`, imported through File › Import Usage….
    QTemporaryDir folder;
    const QString csv = folder.filePath(QStringLiteral("more.csv"));
    {
        QFile file(csv);
        file.open(QIODevice::WriteOnly);
        QByteArray rows = "id,occurred_at,tenant,action,model,billing,credits\n";
        for (int i = 0; i < importRows; ++i)
            rows += "feel-" + QByteArray::number(i) + ',' +
                    IsoTime::formatUtc(now - 200 * 86400000LL + qint64(i) * 60000).toLatin1() +
                    ",,analysis,claude-sonnet-4-6,byok,\n";
        file.write(rows);
    }
    Ui::Ask::setNextAnswer(QMessageBox::Ok); // the sentence that says how it went
    QElapsedTimer importTime;
    importTime.start();
    gaps.start();
    window.importFile(csv);
    const bool imported = turnUntil([] { return Ui::Ask::pendingAnswers() == 0; }, 600000) && pageRead(window);
    line(QStringLiteral("window: longest stall while it imports %1 events").arg(importRows),
         imported
             ? QStringLiteral("%1 ms (the import took %2 ms)").arg(gaps.stopMs(), 0, 'f', 1).arg(importTime.elapsed())
             : QStringLiteral("the import did not end: %1").arg(Ui::Ask::lastQuestion()));

    const auto address = DatabaseAddress::parse(location);
    if (!address || !address->postgres)
        return;
    // The server holds the page's reading for 10 s: another session locks the settings the reading starts with.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("stall"));
        db.setHostName(address->host);
        db.setDatabaseName(address->database);
        db.setUserName(address->user);
        if (!db.open()) {
            Bench::out() << "cannot lock: " << db.lastError().text() << Qt::endl;
            return;
        }
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        if (!q.exec(QStringLiteral("LOCK TABLE ai_settings.settings IN ACCESS EXCLUSIVE MODE"))) {
            Bench::out() << "cannot lock: " << q.lastError().text() << Qt::endl;
            return;
        }
        gaps.start();
        window.session()->refresh();
        QElapsedTimer held;
        held.start();
        turnUntil([&] { return held.elapsed() >= 10000; }, 11000);
        const bool said = window.statusBar()->currentMessage() == Ui::MainWindow::waitingForPageMessage();
        q.exec(QStringLiteral("COMMIT"));
        pageRead(window);
        line(QStringLiteral("window: longest stall while the server holds the reading 10 s"),
             QStringLiteral("%1 ms; %2")
                 .arg(gaps.stopMs(), 0, 'f', 1)
                 .arg(said ? QStringLiteral("it said it was waiting") : QStringLiteral("it did NOT say it waited")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("stall"));
}

void changesAndIdle(const QString& location, qint64 now, int idleSeconds)
{
    const auto opened = openOnPage(location, now);
    if (!opened)
        return;
    Ui::MainWindow& window = *opened;
    auto* used = window.findChild<QLabel*>(QStringLiteral("overviewUsedLabel"));
    std::vector<double> seen;
    for (int i = 0; i < 10; ++i) {
        const QString before = used->text();
        QProcess child;
        child.start(QApplication::applicationFilePath(),
                    {QStringLiteral("--record-one"), location, QString::number(now + 1000 * (i + 1))});
        if (!child.waitForFinished(60000) || child.exitCode() != 0) {
            Bench::out() << "recording failed" << Qt::endl;
            return;
        }
        QElapsedTimer since; // from the other process's end, its commit made
        since.start();
        if (!turnUntil([&] { return used->text() != before; }, 10000)) {
            Bench::out() << "an event recorded elsewhere did not show within 10 s" << Qt::endl;
            return;
        }
        seen.push_back(since.nsecsElapsed() / 1e6);
        // Spread over the change watch's second, as changes come in life.
        QElapsedTimer pause;
        pause.start();
        turnUntil([&] { return pause.elapsed() >= 137 * (i + 1) % 1000; }, 2000);
    }
    const Bench::Stats s = Bench::stats(seen);
    line(QStringLiteral("window: another process's event on screen after (10 ×)"),
         QStringLiteral("median %1 ms, longest %2 ms")
             .arg(s.median, 0, 'f', 0)
             .arg(*std::max_element(seen.begin(), seen.end()), 0, 'f', 0));

    int reads = 0;
    QObject::connect(window.session(), &Ui::Session::pageRead, &window, [&] { ++reads; });
    QElapsedTimer idle;
    idle.start();
    turnUntil([&] { return idle.elapsed() >= idleSeconds * 1000LL; }, idleSeconds * 1000 + 1000);
    line(QStringLiteral("window: page readings while nothing changes for %1 s").arg(idleSeconds),
         QString::number(reads));
}

} // namespace WindowFeel
