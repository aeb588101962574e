#include "Session.h"

#include "Environment.h"
#include "KeyService.h"
#include "KeyVault.h"

#include <QNetworkAccessManager>

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
    const auto role = session->m_ledger->roleOf(session->m_ledger->userName());
    if (!role)
        return role.failure();
    if (!role.value())
        // The ledger words the refusal, with the command that fixes it.
        return session->m_ledger->settings().failure();
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
    if (const auto role = m_ledger->roleOf(m_ledger->userName()); role && role.value())
        m_role = *role.value();
    emit changed();
}

} // namespace Ui
