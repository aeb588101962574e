#include "sections/RateLimitPanel.h"

#include "session/Session.h"
#include "words/UsageSentences.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Ui {

RateLimitPanel::RateLimitPanel(Session& session, QWidget* parent)
    : QGroupBox(tr("Rate Limit"), parent), m_session(session), m_creditsLabel(new QLabel(this)),
      m_byokLabel(new QLabel(this)), m_scopeLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("rateLimitPanel"));
    m_creditsLabel->setObjectName(QStringLiteral("rateOnCreditsLabel"));
    m_byokLabel->setObjectName(QStringLiteral("rateOnByokLabel"));
    m_scopeLabel->setWordWrap(true);
    m_scopeLabel->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_creditsLabel);
    layout->addWidget(m_byokLabel);
    layout->addWidget(m_scopeLabel);
}

void RateLimitPanel::load(const PageState& state)
{
    const QString& tenant = state.tenant;
    m_creditsLabel->setText(UsageSentences::rateStanding(state.rateLimits.onCredits, false, state.timeZone));
    m_byokLabel->setText(UsageSentences::rateStanding(state.rateLimits.onByok, true, state.timeZone));
    m_scopeLabel->setText(tenant.isEmpty()
                              ? tr("Limits count per tenant; these are the install's own queries (no tenant).")
                              : tr("Limits count per tenant; these are tenant %1's queries.").arg(tenant));
}

} // namespace Ui
