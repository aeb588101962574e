#pragma once

#include "ledger/Ledger.h"
#include "services/PageState.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

class KeyService;
class PageReader;
class SpendService;
class QTimer;
class KeyVault;
class QNetworkAccessManager;

namespace Ui {

// Everything the page works with for one database: the ledger, the keychain, the network and the key service on
// top of them. Opening another database makes a new session. A session may be made before its ledger is open
// (the page is built while a shared ledger connects); until attach() it answers only what needs no database.
class Session : public QObject
{
    Q_OBJECT

public:
    // Opens (creating when missing) the database at `path` as the operating-system user, and reads the role.
    // `clock` replaces the system clock (benchmarks and tests on fixed histories).
    // `openWaitMs`: how long to wait for another program's write lock when the schema must be created or
    // upgraded (Ledger::open).
    static Result<std::unique_ptr<Session>> open(const QString& path, const Catalog& catalog, Clock clock = {},
                                                 int openWaitMs = Ledger::writeWaitMs);
    // As open(), with the ledger (or the failure) that Ledger::open gave.
    static Result<std::unique_ptr<Session>> start(const QString& path, const Catalog& catalog, Clock clock,
                                                  Result<std::unique_ptr<Ledger>> ledger);
    // A session whose ledger opens elsewhere (LedgerOpener); see attach().
    Session(const QString& path, const Catalog& catalog, Clock clock = {});
    ~Session() override;

    // Takes the opened ledger and reads the user's role; a user who is not a member is refused. Emits changed().
    Status attach(std::unique_ptr<Ledger> ledger);
    bool isOpen() const { return m_keys != nullptr; }

    Ledger& ledger() { return *m_ledger; }
    KeyService& keys() { return *m_keys; }
    SpendService& spend() { return *m_spend; }
    const Catalog& catalog() const { return m_catalog; }
    QString path() const { return m_path; }
    // A shared ledger (PostgreSQL), known from the address before it is open.
    bool isShared() const { return m_shared; }
    Role role() const { return m_role; }
    bool canAdminister() const { return ::canAdminister(m_role); }

    // For tests: shorter keychain and provider timeouts.
    void setTimeouts(int keychainMs, int checkMs);

    // Tells the page to read again (changed()), sending nothing to the database itself. On a connection to a
    // shared ledger's server known lost it reconnects instead (reconnecting()).
    void refresh();

    // Reads the page's state off the window's thread, on a connection of its own (PageReader); pageRead() follows.
    // The user's role comes with it (another administrator may have changed it); a read that finds the
    // connection lost starts reconnecting.
    void readPage(const PageRequest& request);
    bool isReadingPage() const;

    // The connection to the shared ledger's server is lost and the session is getting it back: it asks the
    // server off the window's thread whether it answers, after a pause that grows from 1 s to 16 s, and
    // reconnects once it does; then reconnected() and changed() follow. Meanwhile refresh() does nothing.
    bool isReconnecting() const { return m_reconnecting; }
    static constexpr int firstReconnectPauseMs = 1000;
    static constexpr int longestReconnectPauseMs = 16000;

    // Checks again, one after another in the background, every stored key last checked more than a day ago (or
    // throttled until a time now past), so that the page does not show yesterday's verdict as today's.
    void recheckStaleKeys();
    static constexpr qint64 staleAfterMs = 24 * 60 * 60 * 1000;
    // Whether a background check of that key is running.
    bool isChecking(const QString& tenant, const QString& provider) const;

    // Reads the providers' usage and cost reports with the usage keys `state` shows, one provider after another,
    // in the background: spendSyncProgress() says how far, spendSyncFinished() what came of it, and changed()
    // follows. `automatic` (the window opening): only the providers whose last sync is older than an hour, only
    // for an Owner or Admin, and silently. Never more often than once a minute (the providers ask so).
    void syncSpend(const PageState& state, bool automatic);
    void cancelSpendSync();
    bool isSyncingSpend() const { return !m_spendQueue.isEmpty(); }
    static constexpr qint64 spendSyncDueMs = 60 * 60 * 1000;
    static constexpr qint64 spendSyncGapMs = 60 * 1000;

    // How often the window looks for changes it is not told of: SQLite's data version, and whether a shared
    // ledger's connection is gone (no statement either way); a shared ledger's changes are pushed.
    static constexpr int changeLookMs = 1000;
    // A shared ledger's notifications of one burst (a batch of records) make one refresh, this long after the first.
    static constexpr int pushedRefreshMs = 200;

signals:
    // Something in the database may have changed: every panel reads again.
    void changed();
    // A background check of a key began; `changed` follows when it ends.
    void keyCheckStarted(const QString& tenant, const QString& provider);
    // The connection was lost (`reason`: the server's words); the page's figures are no longer current.
    void reconnecting(const QString& reason);
    // The connection is back; changed() follows.
    void reconnected();
    // A sync of the providers' reports: what it reads now ("Anthropic: the usage report, page 2").
    void spendSyncProgress(const QString& reading);
    // It ended: a sentence per provider, what it read or why it could not.
    void spendSyncFinished(const QStringList& sentences);
    // The page's state read (readPage), or why it could not be.
    void pageRead(const Result<PageState>& state);
    // A page read has been running for a while (true: the server is slow to answer), or it ended (false).
    void waitingForPage(bool waiting);

private:
    void checkNext(QVector<KeyRecord> queue);
    void syncNextProvider();
    // Reads again when another program changed the ledger, and only then (attach, reconnect).
    void watchChanges();
    void lookForChanges();
    // The reading found the connection lost: one more try at once, then on a timer (tryReconnecting).
    void startReconnecting();
    void tryReconnecting();

    QString m_path;
    const Catalog& m_catalog;
    Clock m_clock;
    bool m_shared = false;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<KeyVault> m_vault;
    std::unique_ptr<KeyService> m_keys;
    std::unique_ptr<SpendService> m_spend;
    std::unique_ptr<PageReader> m_reader;
    QStringList m_spendQueue;    // the providers the running sync has still to read, the one reading first
    QStringList m_spendSaid;     // what the running sync found so far
    QElapsedTimer m_spendSynced; // since the last sync started
    Role m_role = Role::Viewer;
    std::optional<KeyRecord> m_checking; // the key a background check is running for
    std::optional<int> m_checkTimeoutMs; // set before the ledger was attached
    bool m_reconnecting = false;
    int m_reconnectPauseMs = firstReconnectPauseMs;
    QTimer* m_changeLook; // every changeLookMs
    QTimer* m_pushedSoon; // single shot: a pushed change is read this soon
};

} // namespace Ui
