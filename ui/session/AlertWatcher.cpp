#include "session/AlertWatcher.h"

#include "session/Notifications.h"
#include "session/Session.h"
#include "words/UsageSentences.h"

namespace Ui {

AlertWatcher::AlertWatcher(Session& session, QObject* parent) : QObject(parent), m_session(session)
{
    connect(&session, &Session::changed, this, &AlertWatcher::check);
}

void AlertWatcher::check()
{
    if (!m_session.isOpen())
        return;
    const auto r = m_session.ledger().usage().report(std::nullopt, std::nullopt);
    if (!r || r->finished || r->alertLevel == 0)
        return;
    int& told = m_told[r->period.id()];
    if (r->alertLevel <= told)
        return;
    told = r->alertLevel;
    Notifications::notify(tr("AI credits: %1% used").arg(r->alertLevel), UsageSentences::warning(r.value()));
}

} // namespace Ui
