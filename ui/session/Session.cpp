#include "session/Session.h"

#include "keys/KeyVault.h"
#include "ledger/DatabaseAddress.h"
#include "services/KeyService.h"
#include "services/PageReader.h"
#include "services/SpendService.h"
#include "support/Environment.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace Ui {

Session::Session(const QString& path, const Catalog& catalog, Clock clock)
    : m_path(path), m_catalog(catalog), m_clock(std::move(clock)), m_network(std::make_unique<QNetworkAccessManager>()),
      m_vault(std::make_unique<KeyVault>()), m_changeLook(new QTimer(this)), m_pushedSoon(new QTimer(this))
{
    const auto address = DatabaseAddress::parse(path);
    m_shared = address && address->postgres;
    m_changeLook->setInterval(changeLookMs);
    connect(m_changeLook, &QTimer::timeout, this, &Session::lookForChanges);
    m_pushedSoon->setSingleShot(true);
    m_pushedSoon->setInterval(pushedRefreshMs);
    connect(m_pushedSoon, &QTimer::timeout, this, &Session::refresh);
}

Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::open(const QString& path, const Catalog& catalog, Clock clock, int openWaitMs)
{
    return start(path, catalog, std::move(clock),
                 Ledger::open(path, catalog, Environment::currentUserName(), openWaitMs));
}

Result<std::unique_ptr<Session>> Session::start(const QString& path, const Catalog& catalog, Clock clock,
                                                Result<std::unique_ptr<Ledger>> ledger)
{
    if (!ledger)
        return ledger.failure();
    auto session = std::make_unique<Session>(path, catalog, std::move(clock));
    if (Status s = session->attach(std::move(ledger).value()); !s)
        return s.failure();
    return session;
}

Status Session::attach(std::unique_ptr<Ledger> ledger)
{
    ledger->setClock(m_clock);
    // A lost connection is the session's to reopen: off the window's thread first, and without the page reading
    // meanwhile (refresh).
    ledger->setReconnectWait(-1);
    const auto role = ledger->directory().roleOf(ledger->userName());
    if (!role)
        return role.failure();
    if (!role.value())
        // The ledger words the refusal, with the command that fixes it.
        return ledger->settings().current().failure();
    m_role = *role.value();
    m_ledger = std::move(ledger);
    m_keys = std::make_unique<KeyService>(*m_ledger, *m_vault, *m_network);
    m_spend = std::make_unique<SpendService>(*m_ledger, *m_vault, *m_network);
    connect(m_spend.get(), &SpendService::progress, this, [this](const QString& provider, int, const QString& reading) {
        emit spendSyncProgress(tr("%1: %2").arg(m_catalog.provider(provider)->name, reading));
    });
    if (m_checkTimeoutMs)
        m_keys->setCheckTimeout(*m_checkTimeoutMs);
    m_reader = std::make_unique<PageReader>(m_path, m_catalog, m_ledger->userName(), m_clock);
    connect(m_reader.get(), &PageReader::waiting, this, &Session::waitingForPage);
    connect(m_reader.get(), &PageReader::stateRead, this, [this](const Result<PageState>& state, bool lost) {
        if (state)
            m_role = state->role;
        emit pageRead(state);
        if (lost && !m_reconnecting)
            startReconnecting();
    });
    watchChanges();
    emit changed();
    return success();
}

void Session::watchChanges()
{
    if (isShared())
        m_ledger->notifyChanges([this] {
            if (!m_pushedSoon->isActive())
                m_pushedSoon->start();
        });
    else
        (void)m_ledger->changedElsewhere(); // the version this session starts from
    m_changeLook->start();
}

void Session::lookForChanges()
{
    if (!isOpen() || m_reconnecting)
        return;
    if (isShared()) {
        // Lost: the refresh finds it and reconnects. A change libpq kept while a statement ran is read now.
        if (m_ledger->knownLost() || m_ledger->takeChanges())
            refresh();
        return;
    }
    if (const auto changed = m_ledger->changedElsewhere(); !changed || changed.value())
        refresh(); // a failure is worth a refresh too: the page says what it is
}

void Session::setTimeouts(int keychainMs, int checkMs)
{
    m_vault->setTimeout(keychainMs);
    m_checkTimeoutMs = checkMs;
    if (m_keys)
        m_keys->setCheckTimeout(checkMs);
}

void Session::refresh()
{
    if (!isOpen() || m_reconnecting)
        return; // still connecting: attach() fills the page; reconnecting: refreshes once it is back
    // Should the server be known gone, the page does not read (it would show errors beside figures of the time
    // before); a loss found by the page's read comes back with it (readPage).
    if (m_ledger->connectionLost()) {
        startReconnecting();
        return;
    }
    emit changed();
}

void Session::readPage(const PageRequest& request)
{
    if (m_reader && !m_reconnecting)
        m_reader->read(request);
}

bool Session::isReadingPage() const
{
    return m_reader && m_reader->isReading();
}

void Session::startReconnecting()
{
    // Nothing is tried on the window's thread: a server that does not answer at all would hold it for the
    // connect timeout. The probe in tryReconnecting goes first, at once.
    m_reconnectPauseMs = firstReconnectPauseMs;
    m_reconnecting = true;
    emit reconnecting(tr("trying to reach the server again."));
    tryReconnecting();
}

void Session::tryReconnecting()
{
    // libpq's ping waits up to the connect timeout for a server that does not answer at all: on a thread of its
    // own, so that the window stays usable; only a server that answers is reconnected to, here. The thread
    // touches nothing of the session's, which may be gone before it ends.
    auto up = std::make_shared<std::atomic_bool>(false);
    auto* probe = QThread::create([answers = m_ledger->serverProbe(), up] { *up = answers(); });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    connect(probe, &QThread::finished, this, [this, up] {
        const Status back = *up ? m_ledger->reconnect(0) : Status(unavailable(QString()));
        if (back) {
            m_reconnecting = false;
            watchChanges();
            emit reconnected();
            refresh();
            return;
        }
        const int pauseMs = m_reconnectPauseMs;
        // It answered but would not let us in: say why; or it did not answer: say when the next try is.
        emit reconnecting(*up ? back.failure().message
                              : tr("the server does not answer yet; the next try is in %n second(s).", nullptr,
                                   qMax(1, pauseMs / 1000)));
        m_reconnectPauseMs = qMin(m_reconnectPauseMs * 2, longestReconnectPauseMs);
        QTimer::singleShot(pauseMs, this, &Session::tryReconnecting);
    });
    probe->start();
}

} // namespace Ui

namespace Ui {

void Session::recheckStaleKeys()
{
    if (!isOpen())
        return;
    // A check records its verdict, which takes an Owner or Admin; a Viewer sees the last one with its time.
    if (!canAdminister() || m_checking)
        return;
    const auto keys = m_ledger->keys().storedKeys();
    if (!keys)
        return; // the page already shows why the database cannot be read
    const qint64 now = m_ledger->now();
    QVector<KeyRecord> stale;
    for (const KeyRecord& k : keys.value()) {
        const bool old = !k.checkedAt || now - *k.checkedAt > staleAfterMs;
        const bool retryDue = k.state == KeyState::Throttled && k.retryAt && *k.retryAt <= now;
        const bool here = KeyService::heldElsewhere(k, QString()).isEmpty();
        if ((old || retryDue) && here)
            stale << k;
    }
    checkNext(stale);
}

bool Session::isChecking(const QString& tenant, const QString& provider) const
{
    return m_checking && m_checking->tenant == tenant && m_checking->provider == provider;
}

void Session::checkNext(QVector<KeyRecord> queue)
{
    if (queue.isEmpty())
        return;
    m_checking = queue.takeFirst();
    emit keyCheckStarted(m_checking->tenant, m_checking->provider);
    QPointer<Session> self(this);
    m_keys->verify(m_checking->tenant, m_checking->provider, [self, queue](const Result<KeyRecord>&) {
        if (!self)
            return;
        // The verdict, or why there is none, is in the ledger; the page reads it from there.
        self->m_checking.reset();
        self->refresh();
        self->checkNext(queue);
    });
}

void Session::syncSpend(const PageState& state, bool automatic)
{
    if (!isOpen() || isSyncingSpend())
        return;
    if (automatic && !::canAdminister(state.role))
        return;
    QStringList providers;
    for (const Provider& p : m_catalog.providers()) {
        const bool keySet = state.keys.value(p.id).usage.state != KeyState::NotSet;
        const bool due = state.now - state.syncedAt.value(p.id) >= spendSyncDueMs;
        if (keySet && (due || !automatic))
            providers << p.id;
    }
    if (providers.isEmpty()) {
        if (!automatic)
            emit spendSyncFinished({tr("No usage key is set; an Owner sets one in Keys, under Usage keys.")});
        return;
    }
    if (m_spendSynced.isValid() && m_spendSynced.elapsed() < spendSyncGapMs) {
        if (!automatic)
            emit spendSyncFinished({tr("The providers' reports are read at most once a minute; try again in %n s.",
                                       nullptr, int((spendSyncGapMs - m_spendSynced.elapsed()) / 1000 + 1))});
        return;
    }
    m_spendSynced.start();
    m_spendQueue = providers;
    m_spendSaid.clear();
    syncNextProvider();
}

void Session::syncNextProvider()
{
    if (m_spendQueue.isEmpty())
        return;
    QPointer<Session> self(this);
    m_spend->sync(m_spendQueue.first(), std::nullopt, [this, self](Result<SpendService::Synced> synced) {
        if (!self || m_spendQueue.isEmpty())
            return;
        const Provider& provider = *m_catalog.provider(m_spendQueue.takeFirst());
        m_spendSaid << (synced ? tr("%1: read %2 to %3 (UTC).")
                                     .arg(provider.name, synced->first.toString(Qt::ISODate),
                                          synced->last.toString(Qt::ISODate))
                               : synced.failure().message);
        if (!m_spendQueue.isEmpty())
            return syncNextProvider();
        emit spendSyncFinished(m_spendSaid);
        refresh();
    });
}

void Session::cancelSpendSync()
{
    if (!isSyncingSpend())
        return;
    m_spendQueue = m_spendQueue.mid(0, 1); // the one reading ends with its cancel; the others are not started
    m_spend->cancel();
}

} // namespace Ui
