#include "window/MainWindow.h"

#include "formats/UsageFile.h"
#include "ledger/DatabaseAddress.h"
#include "ledger/Ledger.h"
#include "rules/Catalog.h"
#include "sections/ModelsPanel.h"
#include "services/UsageExport.h"
#include "services/UsageTransfer.h"
#include "session/LedgerOpener.h"
#include "session/LedgerTask.h"
#include "session/Session.h"
#include "support/Environment.h"
#include "support/Text.h"
#include "widgets/Ask.h"
#include "window/SettingsPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <future>

namespace Ui {

namespace {

// The catalog compiled into the program; validated once, shared by every session and worker thread.
const Catalog* builtInCatalog(QString* error)
{
    static const Result<Catalog> catalog = Catalog::builtIn();
    if (!catalog) {
        *error = catalog.failure().message;
        return nullptr;
    }
    return &catalog.value();
}

// A file's ledger, opened on a worker thread while the window makes its menus and status bar, then handed to the
// window's thread (measured: the opening was a tenth of the time to the first paint, now hidden beside the rest).
// None for a shared ledger, which connects behind a page of its own (MainWindow::connectTo).
std::future<Result<std::unique_ptr<Ledger>>> openFileAhead(const QString& path, QThread* windowThread)
{
    const auto address = DatabaseAddress::parse(path);
    if (address && address->postgres)
        return {};
    return std::async(std::launch::async, [path, windowThread]() -> Result<std::unique_ptr<Ledger>> {
        QString error;
        const Catalog* catalog = builtInCatalog(&error);
        if (!catalog)
            return unavailable(error);
        auto opened = Ledger::open(path, *catalog, Environment::currentUserName(), 0);
        if (opened && !opened.value()->moveToThread(windowThread))
            return unavailable(LedgerOpener::tr("The database connection could not be handed to the window."));
        return opened;
    });
}

const QString geometryKey = QStringLiteral("geometry");

// ~/.config/ai-settings/window.conf: the window's size and position, nothing else.
QSettings windowSettings()
{
    return QSettings(QStringLiteral("ai-settings"), QStringLiteral("window"));
}

} // namespace

MainWindow::MainWindow(const QString& databasePath, Clock clock, QWidget* parent)
    : QMainWindow(parent), m_clock(std::move(clock))
{
    setObjectName(QStringLiteral("mainWindow"));
    if (databasePath == Environment::defaultDatabasePath())
        Environment::makePrivateFolder(QFileInfo(databasePath).absolutePath());
    auto opening = openFileAhead(databasePath, thread());
    createMenus();
    // A status tip (a menu item hovered) takes the bar's message; the database and the user stay beside it.
    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(QStringLiteral("sessionStatusLabel"));
    m_sessionLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_sessionLabel);
    // The first start: the page's natural size, within nine tenths of the screen's free area (a 900-pixel-high
    // screen has less than the page would like). Later starts restore what the user left, which Qt fits to the screen.
    const QSize available = screen()->availableGeometry().size() * 9 / 10;
    resize(QSize(920, 940).boundedTo(available));
    restoreGeometry(windowSettings().value(geometryKey).toByteArray());
    openDatabase(databasePath, opening.valid() ? std::optional(opening.get()) : std::nullopt);
    // Usage recorded by scripts and servers shows up as it is committed: the session reads again when the ledger
    // changed (Session::watchChanges), and only then.
}

MainWindow::~MainWindow()
{
    // Tasks first: they may still be writing to the database the session has open.
    qDeleteAll(findChildren<LedgerTask*>(QString(), Qt::FindDirectChildrenOnly));
    delete m_page;
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setToolTipsVisible(true);
    file->addAction(tr("&Open Database…"), QKeySequence::Open, this, &MainWindow::chooseDatabase);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import Usage…"), QKeySequence(tr("Ctrl+I")), this, &MainWindow::importUsage);
    m_exportAction = file->addAction(tr("&Export Usage…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportUsage);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_refreshAction = view->addAction(tr("&Refresh"), QKeySequence::Refresh, this, [this] { m_session->refresh(); });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About AI Settings"), this, &MainWindow::showAbout);
    for (QAction* a : {m_importAction, m_exportAction, m_refreshAction})
        a->setEnabled(false);
}

void MainWindow::updateActions()
{
    const bool open = m_session && m_session->isOpen() && !m_session->isReconnecting();
    const bool admin = open && m_session->canAdminister();
    m_importAction->setEnabled(admin);
    m_importAction->setToolTip(admin || !open ? QString() : tr("Only an Owner or Admin can import usage."));
    m_exportAction->setEnabled(open);
    m_refreshAction->setEnabled(open);
}

bool MainWindow::openDatabase(const QString& path)
{
    return openDatabase(path, std::nullopt);
}

bool MainWindow::openDatabase(const QString& path, std::optional<Result<std::unique_ptr<Ledger>>> opened)
{
    // What the page holds unapplied is settled before it goes.
    if (m_page && !m_page->settleChanges())
        return false;
    QString error;
    const Catalog* catalog = builtInCatalog(&error);
    if (!catalog) {
        showProblem(error);
        return false;
    }
    // A shared ledger connects on a worker thread while the page is built: the window never waits on the network.
    const auto address = DatabaseAddress::parse(path);
    if (address && address->postgres) {
        connectTo(address.value(), *catalog);
        return true;
    }
    // A file opens at once. One that another program holds locked while it must be created or upgraded is waited
    // for on a worker thread, behind a page that says so.
    auto session = opened ? Session::start(path, *catalog, m_clock, std::move(*opened))
                          : Session::open(path, *catalog, m_clock, 0);
    if (!session && session.failure().busy) {
        waitForDatabase(path, *catalog);
        return false;
    }
    if (!session) {
        if (m_session && m_session->isOpen())
            Ask::warn(this, tr("Open Database"), session.failure().message);
        else
            showProblem(session.failure().message);
        return false;
    }
    stopWaiting();
    delete m_page;
    m_session = std::move(session).value();
    m_page = new SettingsPage(*m_session, this);
    showPage();
    return true;
}

void MainWindow::connectTo(const DatabaseAddress& address, const Catalog& catalog)
{
    openLater(address.text, catalog, QStringLiteral("connectingLabel"),
              tr("<h3>Connecting to %1…</h3><p>The page appears as soon as the server answers.</p>")
                  .arg(Text::escaped(address.text, 200).toHtmlEscaped()));
}

void MainWindow::waitForDatabase(const QString& path, const Catalog& catalog)
{
    openLater(path, catalog, QStringLiteral("waitingLabel"),
              tr("<h3>Waiting for the database…</h3><p>Another program is writing to %1 (an import or an "
                 "upgrade, perhaps) and holds it locked. The page appears as soon as it is free.</p>")
                  .arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
}

void MainWindow::openLater(const QString& path, const Catalog& catalog, const QString& objectName, const QString& html)
{
    stopWaiting();
    delete m_page;
    // The worker starts opening the ledger first, so that the page is built while it connects; the page is shown
    // once the ledger is attached (the opener's answer comes through this thread's event loop, after the build).
    m_opener = new LedgerOpener(path, catalog, this);
    m_session = std::make_unique<Session>(path, catalog, m_clock);
    m_page = new SettingsPage(*m_session, this);
    m_page->hide();
    showMessagePage(objectName, html);
    updateActions();
    connect(m_opener, &LedgerOpener::opened, this, [this] {
        auto ledger = m_opener->takeLedger();
        stopWaiting();
        if (Status s = m_session->attach(std::move(ledger)); !s) {
            showProblem(s.failure().message);
            return;
        }
        showPage();
    });
    connect(m_opener, &LedgerOpener::failed, this, [this](const QString& message) {
        stopWaiting();
        showProblem(message);
    });
}

void MainWindow::showPage()
{
    connect(m_page, &SettingsPage::importRequested, this, &MainWindow::importUsage);
    connect(m_session.get(), &Session::reconnecting, this, &MainWindow::showReconnecting, Qt::UniqueConnection);
    connect(m_session.get(), &Session::reconnected, this, &MainWindow::showReconnected, Qt::UniqueConnection);
    // A reading slow to answer leaves the figures of the last one on the page and says so in the status bar,
    // which moves nothing on the page.
    connect(m_session.get(), &Session::waitingForPage, this, &MainWindow::showWaitingForPage, Qt::UniqueConnection);
    setCentralWidget(m_page);
    m_page->show();
    const QString path = m_session->path();
    // A shared ledger is named by its database; a file by its name.
    const auto address = DatabaseAddress::parse(path);
    setWindowTitle(
        tr("Settings › AI — %1")
            .arg(address && address->postgres ? tr("%1 (shared)").arg(address->database) : QFileInfo(path).fileName()));
    setWindowFilePath(path);
    m_sessionLabel->setText(tr("%1 · signed in as %2 (%3)")
                                .arg(Text::isolated(QDir::toNativeSeparators(path)),
                                     Text::isolated(m_session->ledger().userName()), roleLabel(m_session->role())));
    updateActions();
    // Once the page is filled: the checks run in the background and the page stays usable meanwhile.
    connect(m_page, &SettingsPage::stateShown, m_session.get(), &Session::recheckStaleKeys, Qt::SingleShotConnection);
    // … and the providers' reports are read again when the last read is older than an hour.
    connect(
        m_page, &SettingsPage::stateShown, m_session.get(),
        [page = m_page, session = m_session.get()] {
            if (page->hasShown())
                session->syncSpend(page->shown(), true);
        },
        Qt::SingleShotConnection);
}

void MainWindow::showReconnecting(const QString& reason)
{
    if (centralWidget() == m_page) {
        takeCentralWidget(); // kept: the page comes back as it was
        m_page->hide();
    }
    showMessagePage(QStringLiteral("reconnectingLabel"),
                    tr("<h3>Reconnecting…</h3><p>The connection to the database server was lost: %1</p><p>The page "
                       "comes back with fresh figures as soon as the server answers again; nothing you typed is "
                       "lost.</p>")
                        .arg(reason.toHtmlEscaped()));
    updateActions();
}

void MainWindow::showReconnected()
{
    if (centralWidget() != m_page) {
        setCentralWidget(m_page); // the message goes
        m_page->show();
    }
    updateActions();
}

void MainWindow::stopWaiting()
{
    if (m_opener) {
        m_opener->disconnect(this);
        m_opener->abandon();
        m_opener = nullptr;
    }
}

void MainWindow::showProblem(const QString& message)
{
    showMessagePage(QStringLiteral("problemLabel"),
                    tr("<h3>The database cannot be shown</h3><p>%1</p><p>Use File › Open Database… to choose "
                       "another.</p>")
                        .arg(message.toHtmlEscaped()));
    setWindowTitle(tr("Settings › AI"));
}

void MainWindow::showMessagePage(const QString& objectName, const QString& html)
{
    auto* label = new QLabel(html, this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(24);
    setCentralWidget(label);
}

void MainWindow::chooseDatabase()
{
    const QString start = m_session ? QFileInfo(m_session->path()).absolutePath() : QDir::homePath();
    const QString path =
        Ask::openFile(this, tr("Open Database"), start, tr("AI Settings databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::importUsage()
{
    const QString path =
        Ask::openFile(this, tr("Import Usage"), QDir::homePath(), tr("Usage files (*.csv *.jsonl *.ndjson)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::importFile(const QString& path)
{
    if (!m_session || !m_session->isOpen())
        return;
    new LedgerTask(
        this, m_session->path(), m_session->catalog(), m_session->ledger().clock(), tr("Import Usage"),
        tr("Importing %1…").arg(Text::isolated(QFileInfo(path).fileName())),
        [path](Ledger& ledger, const LedgerTask::Progress& progress) -> Result<QString> {
            // The bar covers the whole import, step by named step: reading, checking, writing, indexing, totals.
            const auto summary =
                UsageTransfer::importFile(ledger, path, false, [&](ImportProgress::Step step, int permille) {
                    return progress(permille, 1000, ImportProgress::stepName(step));
                });
            if (!summary)
                return summary.failure();
            return summary->describe(false);
        },
        [this](const Result<QString>& result) {
            if (result)
                Ask::inform(this, tr("Import Usage"), result.value());
            else
                Ask::warn(this, tr("Import Usage"), result.failure().message);
            m_session->refresh();
        });
}

void MainWindow::exportUsage()
{
    QString filter;
    const QString path = Ask::saveFile(this, tr("Export Usage"), QDir::homePath() + QStringLiteral("/usage.csv"),
                                       tr("CSV (*.csv);;JSON Lines (*.jsonl)"), &filter);
    if (!path.isEmpty())
        exportTo(path, UsageFile::formatForPath(path).value_or(filter.contains(QLatin1String("jsonl"))
                                                                   ? UsageFile::Format::JsonLines
                                                                   : UsageFile::Format::Csv));
}

void MainWindow::exportTo(const QString& path, UsageFile::Format format)
{
    if (!m_session || !m_session->isOpen())
        return;
    new LedgerTask(
        this, m_session->path(), m_session->catalog(), m_session->ledger().clock(), tr("Export Usage"),
        tr("Exporting usage…"),
        [path, format](Ledger& ledger, const LedgerTask::Progress& progress) -> Result<QString> {
            const auto written = UsageExport::toFile(ledger, path, format, std::nullopt,
                                                     [&](qint64 count) { return progress(count, 0, {}); });
            if (!written)
                return written.failure();
            return UsageTransfer::exported(written.value(), path);
        },
        [this](const Result<QString>& result) {
            if (result)
                statusBar()->showMessage(result.value(), 10000);
            else
                Ask::warn(this, tr("Export Usage"), result.failure().message);
        });
}

QString MainWindow::waitingForPageMessage()
{
    return tr("Waiting for the database to answer; the figures shown are from the last reading.");
}

void MainWindow::showWaitingForPage(bool waiting)
{
    if (waiting)
        statusBar()->showMessage(waitingForPageMessage());
    else if (statusBar()->currentMessage() == waitingForPageMessage())
        statusBar()->clearMessage();
}

void MainWindow::showAbout()
{
    Ask::about(this, tr("About AI Settings"),
               tr("<h3>AI Settings %1</h3><p>Monthly AI credits, Bring-Your-Own-Key provider keys and the "
                  "Claude model for each workload, reviewed offline from a local database.</p>"
                  "<p>Keys are kept in the system keychain; the database holds only their last four "
                  "characters.</p><p>Database: %2</p>")
                   .arg(QCoreApplication::applicationVersion(),
                        m_session ? QDir::toNativeSeparators(m_session->path()).toHtmlEscaped() : tr("none")));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_page && !m_page->settleChanges()) {
        event->ignore();
        return;
    }
    windowSettings().setValue(geometryKey, saveGeometry());
    event->accept();
}

int runWindow(const QString& databasePath)
{
    // The same icon and id as the installed desktop entry, so docks and task bars match the window to it.
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.aisettings.AISettings"));
    MainWindow window(databasePath);
    window.show();
    return QApplication::exec();
}

} // namespace Ui
