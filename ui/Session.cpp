#include "Session.h"

#include "Environment.h"
#include "KeyService.h"
#include "KeyVault.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace Ui {

Session::Session(std::unique_ptr<Ledger> ledger)
    : m_ledger(std::move(ledger)), m_network(std::make_unique<QNetworkAccessManager>()),
      m_vault(std::make_unique<KeyVault>()), m_keys(std::make_unique<KeyService>(*m_ledger, *m_vault, *m_network))
{
}

Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::open(const QString& path, const Catalog& catalog,
                                               std::function<qint64()> clock, int openWaitMs)
{
    auto ledger = Ledger::open(path, catalog, Environment::currentUserName(), openWaitMs);
    if (!ledger)
        return ledger.failure();
    if (clock)
        ledger.value()->setClock(std::move(clock));
    std::unique_ptr<Session> session(new Session(std::move(ledger).value()));
    const auto role = session->m_ledger->directory().roleOf(session->m_ledger->userName());
    if (!role)
        return role.failure();
    if (!role.value())
        // The ledger words the refusal, with the command that fixes it.
        return session->m_ledger->settings().current().failure();
    session->m_role = *role.value();
    return session;
}

void Session::setTimeouts(int keychainMs, int checkMs)
{
    m_vault->setTimeout(keychainMs);
    m_keys->setCheckTimeout(checkMs);
}

void Session::refresh()
{
    const auto scope = m_ledger->readScope(); // the page and the alerts read one moment
    if (const auto role = m_ledger->directory().roleOf(m_ledger->userName()); role && role.value())
        m_role = *role.value();
    emit changed();
}

} // namespace Ui

namespace Ui {

void Session::recheckStaleKeys()
{
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

QString Session::timeZone()
{
    const auto settings = m_ledger->settings().current();
    return settings ? settings->timeZone : QStringLiteral("UTC");
}

} // namespace Ui
