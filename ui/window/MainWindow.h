#pragma once

#include "formats/UsageFile.h"
#include "support/Clock.h"
#include "support/Result.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class Catalog;
class Ledger;
struct DatabaseAddress;
class QAction;
class QLabel;

namespace Ui {

class LedgerOpener;
class Session;
class SettingsPage;

// Opens the Settings > AI window on the database at `databasePath` and runs until it closes.
int runWindow(const QString& databasePath);

// The window: the Settings > AI page of one database, with File (open another database, import and export
// usage) and Help menus. Remembers its size and position.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `clock` replaces the system clock, for benchmarks on a fixed history.
    explicit MainWindow(const QString& databasePath, Clock clock = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows the database at `path` instead; on failure says why and keeps the one shown. A shared ledger is
    // connected to in the background behind a message page: true then means the page is on its way, and a
    // failure is shown in the window when it comes. A file another program holds locked is waited for the same
    // way, and answers false.
    bool openDatabase(const QString& path);
    // What File › Import Usage… and Export Usage… do once a file is chosen: run on a worker thread behind a
    // progress dialog, then say how it went.
    void importFile(const QString& path);
    void exportTo(const QString& path, UsageFile::Format format);
    // What the status bar says while the page's reading is slow to answer.
    static QString waitingForPageMessage();
    Session* session() const { return m_session.get(); }
    SettingsPage* page() const { return m_page; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // As openDatabase(path), with the ledger already `opened` (or not) when given.
    bool openDatabase(const QString& path, std::optional<Result<std::unique_ptr<Ledger>>> opened);
    void createMenus();
    void updateActions();
    void chooseDatabase();
    void importUsage();
    void exportUsage();
    void showAbout();
    void showProblem(const QString& message);
    // A centred message in place of the page (a problem, a wait).
    void showMessagePage(const QString& objectName, const QString& html);
    // A file that another program holds locked while it must be created or upgraded: waited for.
    void waitForDatabase(const QString& path, const Catalog& catalog);
    // A shared ledger: connected to while the page is built.
    void connectTo(const DatabaseAddress& address, const Catalog& catalog);
    // Both: a LedgerOpener opens the ledger on a worker thread behind a message page (`objectName`, `html`)
    // while the session's page is built; the page replaces the message once the ledger is attached.
    void openLater(const QString& path, const Catalog& catalog, const QString& objectName, const QString& html);
    void stopWaiting();
    // Puts the session's page in the window, with the title and status that name the database.
    void showPage();
    // The connection to a shared ledger's server is lost: the page steps aside (kept, with whatever the admin
    // typed) for a message that says so, until the session has reconnected and read fresh figures.
    void showReconnecting(const QString& reason);
    void showReconnected();
    void showWaitingForPage(bool waiting);

    std::unique_ptr<Session> m_session;
    LedgerOpener* m_opener = nullptr; // a child: the window's end waits for an attempt under way
    SettingsPage* m_page = nullptr;
    QLabel* m_sessionLabel; // the database and who is signed in: a permanent part of the status bar
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_refreshAction = nullptr;
    Clock m_clock;
};

} // namespace Ui
